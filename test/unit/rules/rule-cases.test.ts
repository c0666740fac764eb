// Cases beyond the documented examples: the edges each rule must get right.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_CONTRACT_PATH, EXAMPLE_MESH, exampleContract } from '../../../src/rules/example-mesh.js';
import { lintFiles, rulesOf } from './lint-files.js';

const ORDERS = `schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
      - { name: placed_at, logicalType: timestamp }
      - name: customer
        logicalType: object
        properties:
          - { name: email, logicalType: string, classification: restricted, tags: [pii] }
          - { name: city, logicalType: string }
`;
const withContract = (text: string, extra: Record<string, string> = {}) => lintFiles({ ...EXAMPLE_MESH, [EXAMPLE_CONTRACT_PATH]: text, ...extra });
const messagesOf = (findings: { rule: string; message: string }[], rule: string) => findings.filter((f) => f.rule === rule).map((f) => f.message);

describe('SLA rules', () => {
  it('accept ODCS synonyms, case-insensitively, and ISO-8601 durations', async () => {
    const { findings } = await withContract(exampleContract(ORDERS, `customProperties: [{ property: tier, value: 1 }]
slaProperties:
  - { property: LY, value: PT30M }
  - { property: av, value: "99.9%" }
  - { property: rt, value: 2, unit: years }
`));
    expect(findings).toEqual([]);
  });

  it('accept an element without the object name when the contract has one object, and nested properties', async () => {
    const { findings } = await withContract(exampleContract(ORDERS, `slaProperties:
  - { property: retention, value: 1, unit: y, element: "placed_at, orders.customer.city" }
`));
    expect(findings).toEqual([]);
  });

  it('suggest the intended element', async () => {
    const { findings } = await withContract(exampleContract(ORDERS, `slaProperties:
  - { property: retention, value: 1, unit: y, element: orders.placedat }
`));
    expect(messagesOf(findings, 'sla/element-exists')).toEqual(['SLA element "orders.placedat" is not an object or property of this contract (did you mean "orders.placed_at"?)']);
  });

  it('report an unevaluable value once, not also as a bad unit', async () => {
    const { findings } = await withContract(exampleContract(ORDERS, `slaProperties:
  - { property: retention, value: 1, unit: y }
  - { property: latency, value: soon, unit: lightyears }
  - { property: endOfLife, value: someday }
`));
    expect(rulesOf(findings)).toEqual(['sla/evaluable-value', 'sla/valid-unit']);
    expect(messagesOf(findings, 'sla/valid-unit')).toHaveLength(1);
    expect(messagesOf(findings, 'sla/evaluable-value')).toEqual(['endOfLife value "someday" cannot be evaluated: expected a date such as 2026-01-31']);
  });

  it('take the tier from domain.yaml when the contract declares none', async () => {
    const tier1Domain = EXAMPLE_MESH['contracts/sales/domain.yaml'].replace('tier: 3', 'tier: 1');
    const { findings } = await withContract(exampleContract(ORDERS, `slaProperties:
  - { property: retention, value: 1, unit: y }
`), { 'contracts/sales/domain.yaml': tier1Domain });
    expect(messagesOf(findings, 'sla/tier-required')).toEqual(['tier 1 requires SLA properties latency, availability, which are not declared']);
  });

  it('report a contract tier mesh.yaml does not define', async () => {
    const { findings } = await withContract(exampleContract(ORDERS, `customProperties: [{ property: tier, value: 7 }]
slaProperties: [{ property: retention, value: 1, unit: y }]
`));
    expect(messagesOf(findings, 'sla/tier-required')).toEqual(['tier 7 is not defined in mesh.yaml (tiers: 1, 2, 3)']);
  });
});

describe('personal data rules', () => {
  it('find personal data in nested properties and by classification when the policy says so', async () => {
    const mesh = EXAMPLE_MESH['contracts/mesh.yaml'].replace('  requiredTags: [pii]', '  requiredTags: [pii]\n  classifications: [restricted]');
    const { findings } = await withContract(exampleContract(`schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
      - name: customer
        logicalType: object
        properties:
          - { name: phone, logicalType: string, classification: restricted }
`, 'slaProperties: [{ property: retention, value: 1, unit: y }]\n'), { 'contracts/mesh.yaml': mesh });
    expect(messagesOf(findings, 'policy/pii-tag-required')).toEqual(['personal-data property "orders.customer.phone" lacks the required tag pii']);
  });

  it('report personal data without any classification', async () => {
    const { findings } = await withContract(exampleContract(ORDERS.replace('classification: restricted, ', ''), 'slaProperties: [{ property: retention, value: 1, unit: y }]\n'));
    expect(messagesOf(findings, 'policy/pii-minimum-classification')).toEqual(['personal-data property "orders.customer.email" has no classification; it must be at least confidential']);
  });

  it('require a retention SLA from a contract with personal data', async () => {
    const { findings } = await withContract(exampleContract(ORDERS));
    expect(messagesOf(findings, 'policy/pii-retention')).toEqual(['the contract holds personal data ("orders.customer.email") but declares no retention; at most P3Y is allowed']);
  });

  it('apply the stricter cap of the domain', async () => {
    const domain = EXAMPLE_MESH['contracts/sales/domain.yaml'] + 'policy:\n  personalData:\n    maxRetention: P1Y\n';
    const { findings } = await withContract(exampleContract(ORDERS, 'slaProperties: [{ property: retention, value: 2, unit: y }]\n'), { 'contracts/sales/domain.yaml': domain });
    expect(messagesOf(findings, 'policy/pii-retention')).toEqual(['retention 2 y is longer than P1Y, the cap for contracts with personal data']);
  });
});

describe('schema rules', () => {
  it('check property names per nested object, not across objects', async () => {
    const { findings } = await withContract(exampleContract(`schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
      - name: lines
        logicalType: array
        items:
          logicalType: object
          properties:
            - { name: order_id, logicalType: string }
            - { name: sku, logicalType: string }
            - { name: sku, logicalType: string }
`));
    expect(messagesOf(findings, 'schema/unique-property-name')).toEqual(['items of "orders.lines" already has a property "sku" (properties[1])']);
  });

  it('report each repeated property name in a long list at the repeat, naming the first (lists over 16 are checked with a map)', async () => {
    const columns = Array.from({ length: 20 }, (_, i) => `      - { name: c${i}, logicalType: string }`);
    columns.splice(18, 0, '      - { name: c3, logicalType: string }');
    columns.push('      - { name: c7, logicalType: string }', '      - { name: c3, logicalType: string }');
    const text = exampleContract(`schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
${columns.join('\n')}
`);
    const { findings } = await withContract(text);
    expect(messagesOf(findings, 'schema/unique-property-name')).toEqual([
      'object "orders" already has a property "c3" (properties[4])',
      'object "orders" already has a property "c7" (properties[8])',
      'object "orders" already has a property "c3" (properties[4])',
    ]);
    // Each finding sits on the repeated entry: the 2nd `c3`, the 2nd `c7`, the 3rd `c3`.
    const lines = text.split('\n');
    const nth = (name: string, n: number) => lines.map((l, i) => (l.includes(`{ name: ${name},`) ? i + 1 : 0)).filter((i) => i > 0)[n];
    expect(findings.filter((f) => f.rule === 'schema/unique-property-name').map((f) => f.line)).toEqual([nth('c3', 1), nth('c7', 1), nth('c3', 2)]);
  });

  it('report a {property} placeholder in an object-level SQL quality rule', async () => {
    const { findings } = await withContract(exampleContract(`schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
    quality:
      - { type: sql, query: "SELECT COUNT(*) FROM {object} WHERE {property} IS NULL", mustBe: 0 }
`));
    expect(rulesOf(findings)).toEqual(['quality/property-reference']);
  });
});

describe('ownership rules', () => {
  it('report an unowned domain once, not once per contract', async () => {
    const { findings } = await lintFiles({ ...EXAMPLE_MESH, CODEOWNERS: '/contracts/mesh.yaml @acme/platform\n' });
    expect(rulesOf(findings)).toEqual(['ownership/domain-covered']);
    expect(findings).toHaveLength(1);
    expect(findings[0].file).toBe('contracts/sales/domain.yaml');
  });

  it('report a repository without CODEOWNERS', async () => {
    const files: Record<string, string> = { ...EXAMPLE_MESH };
    delete files.CODEOWNERS;
    const { findings } = await lintFiles(files);
    expect(findings.map((f) => f.message)).toEqual(['domain "sales" has no owners: the repository has no CODEOWNERS file (looked in .github/, the root and docs/)']);
  });

  it('match an ODCS 3.0 team (list of members) against individual owners', async () => {
    const contract = exampleContract(`schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
`).replace('team: { name: "@acme/sales-data" }', 'team:\n  - { username: alice, role: owner }');
    const owned = await withContract(contract, { CODEOWNERS: '/contracts/sales/ @alice @acme/sales-data\n' });
    expect(rulesOf(owned.findings)).toEqual([]);
    const other = await withContract(contract);
    expect(messagesOf(other.findings, 'ownership/team-matches-codeowners')).toEqual(['team alice is not an owner of contracts/sales/orders.odcs.yaml in CODEOWNERS (owners: @acme/sales-data)']);
  });

  it('follow GitHub semantics: the last matching CODEOWNERS line wins', async () => {
    const { findings } = await withContract(EXAMPLE_MESH[EXAMPLE_CONTRACT_PATH], { CODEOWNERS: '/contracts/sales/ @acme/sales-data\n*.odcs.yaml @acme/platform\n' });
    expect(rulesOf(findings)).toEqual(['ownership/team-matches-codeowners']);
  });
});

describe('reporting', () => {
  it('reports only the files `only` accepts, while cross-contract rules see the whole mesh', async () => {
    const twin = EXAMPLE_MESH[EXAMPLE_CONTRACT_PATH].replace('name: orders', 'name: orders_copy');
    const files = { ...EXAMPLE_MESH, 'contracts/sales/orders_copy.odcs.yaml': twin };
    const all = await lintFiles(files);
    expect(all.findings.map((f) => f.file)).toEqual(['contracts/sales/orders.odcs.yaml', 'contracts/sales/orders_copy.odcs.yaml']);
    const one = await lintFiles(files, { only: (f) => f.file.endsWith('orders_copy.odcs.yaml') });
    expect(one.findings.map((f) => `${f.file} ${f.rule}`)).toEqual(['contracts/sales/orders_copy.odcs.yaml schema/unique-contract-id']);
  });

  it('points findings at the offending node', async () => {
    const { findings } = await withContract(exampleContract(`schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true }
`));
    expect(findings[0]).toMatchObject({ rule: 'schema/primary-key-required', line: 14, column: 48 });
  });
});
