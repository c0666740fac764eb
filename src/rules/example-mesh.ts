// The small mesh every rule example in docs/rules.md runs in: a global policy, one domain (sales)
// with its domain.yaml, CODEOWNERS, and one clean contract. A rule's `docs.fail`/`docs.pass`
// replace or add files (a plain string replaces the contract). docs/rules.md shows this baseline
// once; test/unit/rules/docs-examples.test.ts lints every example in it.
import type { RuleExample } from './rule.js';

export const EXAMPLE_CONTRACT_PATH = 'contracts/sales/orders.odcs.yaml';

export const EXAMPLE_MESH: Readonly<Record<string, string>> = {
  'contracts/mesh.yaml': `apiVersion: mesh/v1
kind: MeshPolicy
classification:
  levels: [public, internal, confidential, restricted]
  default: internal
personalData:
  tags: [pii, gdpr]
  requiredTags: [pii]
  minimumClassification: confidential
  maxRetention: P3Y
requiredFields: [description, team, support]
tiers:
  "1":
    requiredSla: [latency, availability, retention]
    floors: { availability: 99.5, latency: 1h }
  "2":
    requiredSla: [latency, availability]
    floors: { availability: 99 }
  "3":
    requiredSla: []
naming:
  contractName: "^[a-z][a-z0-9_]*$"
  object: "^[a-z][a-z0-9_]*$"
  property: "^[a-z][a-z0-9_]*$"
`,
  'contracts/sales/domain.yaml': `apiVersion: mesh/v1
kind: Domain
name: sales
description: Orders and their lines, from checkout to invoice.
team: "@acme/sales-data"
tier: 3
support:
  - channel: "#sales-data"
    tool: slack
`,
  CODEOWNERS: `/contracts/mesh.yaml @acme/platform
/contracts/sales/ @acme/sales-data
`,
  [EXAMPLE_CONTRACT_PATH]: `apiVersion: v3.1.0
kind: DataContract
id: sales-orders
name: orders
version: 1.0.0
status: active
domain: sales
description: { purpose: Every order placed in the web shop. }
team: { name: "@acme/sales-data" }
support: [{ channel: "#sales-data", tool: slack }]
schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string
        primaryKey: true
        required: true
      - name: amount
        logicalType: number
`,
};

const HEADER = `apiVersion: v3.1.0
kind: DataContract
id: sales-orders
name: orders
version: 1.0.0
status: active
domain: sales
description: { purpose: Every order placed in the web shop. }
team: { name: "@acme/sales-data" }
support: [{ channel: "#sales-data", tool: slack }]
`;

/**
 * The baseline contract with a different `schema:` section (and optional extra top-level YAML such as
 * slaProperties or customProperties): most examples only differ there.
 */
export function exampleContract(schema: string, extra = ''): string {
  return HEADER + extra + schema;
}

/** The files of an example: the baseline with the example's files laid over it. */
export function exampleFiles(example: RuleExample): Record<string, string> {
  const files: Record<string, string> = { ...EXAMPLE_MESH };
  if (typeof example === 'string') files[EXAMPLE_CONTRACT_PATH] = example;
  else Object.assign(files, example);
  return files;
}

/** The files an example changes (what docs/rules.md prints). */
export function exampleChanges(example: RuleExample): Record<string, string> {
  return typeof example === 'string' ? { [EXAMPLE_CONTRACT_PATH]: example } : { ...example };
}

export interface SmallContract {
  /** The `id` line's value (may carry a trailing `# comment`). */
  id: string;
  name: string;
  domain: string;
  purpose: string;
  /** `team.name`, as YAML (quote names starting with `@`). */
  team: string;
  channel: string;
  /** Its single object's key property (string, primary key, required). */
  key: string;
}

/** A one-object contract in the shape of the baseline's: for examples about ids, domains and teams. */
export function smallContract(c: SmallContract): string {
  return `apiVersion: v3.1.0
kind: DataContract
id: ${c.id}
name: ${c.name}
version: 1.0.0
status: active
domain: ${c.domain}
description: { purpose: ${c.purpose} }
team: { name: ${c.team} }
support: [{ channel: "${c.channel}", tool: slack }]
schema:
  - name: ${c.name}
    properties:
      - { name: ${c.key}, logicalType: string, primaryKey: true, required: true }
`;
}

/** The baseline contract (sales-orders) in its one-line-key form, with another team. */
export function salesOrdersOwnedBy(team: string): string {
  return smallContract({ id: 'sales-orders', name: 'orders', domain: 'sales', purpose: 'Every order placed in the web shop.', team, channel: '#sales-data', key: 'order_id' });
}
