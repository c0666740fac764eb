// SLA properties outside ODCS's table (and its synonyms) cannot be evaluated or compared.
import { suggest } from '../../odcs/schema-messages.js';
import { knownSlaNames } from '../../odcs/sla-properties.js';
import { exampleContract } from '../example-mesh.js';
import type { ContractRule } from '../rule.js';
import { slaEntries } from './sla-entries.js';

export const rule: ContractRule = {
  id: 'sla/known-property',
  severity: 'warning',
  scope: 'contract',
  summary: 'slaProperties use the ODCS SLA property names (latency, availability, retention, ... or their synonyms).',
  fix: 'Use an ODCS SLA property name; `mesh rules` docs list them.',
  docs: {
    details:
      'Known names: latency (ly, freshness), availability (av, uptime), retention (rt), frequency (fy), throughput (th), ' +
      'errorRate (er), generalAvailability (ga), endOfSupport (es), endOfLife (el), timeOfAvailability (ta), timeToDetect (td), ' +
      'timeToNotify (tn), timeToRepair (tr); case does not matter.',
    fail: exampleContract(
      `schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
`,
      `slaProperties:
  - { property: latncy, value: 4, unit: h }
`,
    ),
    pass: exampleContract(
      `schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
`,
      `slaProperties:
  - { property: latency, value: 4, unit: h }
`,
    ),
  },
  check(ctx) {
    for (const sla of slaEntries(ctx.contract)) {
      if (sla.definition || sla.name === '') continue;
      const guess = suggest(sla.name, knownSlaNames());
      ctx.report({
        path: [...sla.path, 'property'],
        message: `"${sla.name}" is not an ODCS SLA property${guess ? ` (did you mean "${guess}"?)` : ''}`,
        ...(guess ? { fix: `write "${guess}"` } : {}),
      });
    }
  },
};
