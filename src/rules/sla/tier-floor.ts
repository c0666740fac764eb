// SLO floors per tier: the weakest promise a contract of that tier may make (availability at least
// 99.5, latency at most 1h, ...). Which side is "weaker" comes from the ODCS SLA table.
import { normaliseSlaValue } from '../../odcs/sla-properties.js';
import { exampleContract } from '../example-mesh.js';
import type { ContractRule } from '../rule.js';
import { describeSla, slaEntries } from './sla-entries.js';

const SCHEMA = `schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
`;

export const rule: ContractRule = {
  id: 'sla/tier-floor',
  severity: 'error',
  scope: 'contract',
  summary: "SLOs are at least as strong as their tier's floors (mesh.yaml `tiers.<tier>.floors`).",
  fix: 'Strengthen the SLO to the floor, or move the contract to a lower tier.',
  docs: {
    fail: exampleContract(
      SCHEMA,
      `customProperties:
  - { property: tier, value: 1 }
slaProperties:
  - { property: latency, value: 2, unit: h }
  - { property: availability, value: 99.0, unit: "%" }
  - { property: retention, value: 1, unit: y }
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
    if (!tier || tier.floors.size === 0) return;
    for (const sla of slaEntries(ctx.contract)) {
      const def = sla.definition;
      const floor = def ? tier.floors.get(def.name) : undefined;
      if (!def || !floor) continue;
      const value = normaliseSlaValue(def, sla.entry.value, sla.unit);
      if (value === undefined) continue; // sla/evaluable-value reports it
      const weaker = def.better === 'higher' ? value < floor.value : value > floor.value;
      if (!weaker) continue;
      ctx.report({
        path: [...sla.path, 'value'],
        message: `${def.name} ${describeSla(sla.entry)} is weaker than the tier ${ctx.tier} floor: ${def.better === 'higher' ? 'at least' : 'at most'} ${floor.text}`,
        fix: `promise ${def.better === 'higher' ? 'at least' : 'at most'} ${floor.text}, or move the contract to a lower tier`,
      });
    }
  },
};
