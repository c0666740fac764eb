// Each tier of mesh.yaml (tightened by domain.yaml) lists the SLA properties its contracts must declare.
import { customProperty, isMapping } from '../contract-schema.js';
import { exampleContract } from '../example-mesh.js';
import type { ContractRule } from '../rule.js';
import { slaEntries } from './sla-entries.js';

const SCHEMA = `schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
`;

export const rule: ContractRule = {
  id: 'sla/tier-required',
  severity: 'error',
  scope: 'contract',
  summary: "A contract declares every SLA property its tier requires (mesh.yaml `tiers.<tier>.requiredSla`).",
  fix: 'Add the missing slaProperties entries, or move the contract to a lower tier.',
  docs: {
    details:
      'A contract\'s tier is its `customProperties` entry `tier`, else the `tier` of its domain.yaml. A tier that mesh.yaml does not define is reported too.',
    fail: exampleContract(
      SCHEMA,
      `customProperties:
  - { property: tier, value: 1 }
slaProperties:
  - { property: latency, value: 30, unit: m }
`,
    ),
    pass: exampleContract(
      SCHEMA,
      `customProperties:
  - { property: tier, value: 1 }
slaProperties:
  - { property: latency, value: 30, unit: m }
  - { property: availability, value: 99.9, unit: "%" }
  - { property: retention, value: 1, unit: y }
`,
    ),
  },
  check(ctx) {
    if (ctx.tier === undefined) return;
    const tier = ctx.policy.tiers.get(ctx.tier);
    const ownTier = customProperty(ctx.contract, 'tier') !== undefined;
    const tierPath = tierPathOf(ctx.contract);
    if (!tier) {
      // A domain.yaml tier that does not exist is domain/valid-declaration's finding.
      if (ownTier && ctx.policy.tiers.size > 0) {
        ctx.report({ path: tierPath, message: `tier ${ctx.tier} is not defined in mesh.yaml (tiers: ${[...ctx.policy.tiers.keys()].join(', ')})`, fix: 'use one of the tiers mesh.yaml defines' });
      }
      return;
    }
    const declared = new Set(slaEntries(ctx.contract).flatMap((s) => (s.definition ? [s.definition.name] : [])));
    const missing = tier.requiredSla.filter((name) => !declared.has(name));
    if (missing.length === 0) return;
    ctx.report({
      path: ctx.contract.slaProperties !== undefined ? ['slaProperties'] : ownTier ? tierPath : [],
      message: `tier ${ctx.tier} requires SLA ${missing.length === 1 ? 'property' : 'properties'} ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not declared`,
      fix: `add ${missing.map((m) => `{ property: ${m}, value: …, unit: … }`).join(', ')} to slaProperties`,
    });
  },
};

function tierPathOf(contract: Record<string, unknown>): (string | number)[] {
  const list = contract.customProperties;
  if (!Array.isArray(list)) return [];
  const i = list.findIndex((c) => isMapping(c) && c.property === 'tier');
  return i < 0 ? [] : ['customProperties', i, 'value'];
}
