// A unit must fit its SLA property: durations take time units (d, h, m, ISO-8601), percentages `%`.
import { toPercent, toSeconds } from '../../odcs/units.js';
import { exampleContract } from '../example-mesh.js';
import type { ContractRule } from '../rule.js';
import { slaEntries } from './sla-entries.js';

export const rule: ContractRule = {
  id: 'sla/valid-unit',
  severity: 'error',
  scope: 'contract',
  summary: 'SLA units fit their property: a time unit for durations, `%` for percentages.',
  fix: 'Use a time unit (ms, s, m, h, d, w, mo, y or ISO-8601 such as PT1H) for durations and % for percentages.',
  docs: {
    fail: exampleContract(
      `schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
`,
      `slaProperties:
  - { property: latency, value: 4, unit: hourz }
  - { property: availability, value: 99.9, unit: nines }
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
  - { property: availability, value: 99.9, unit: "%" }
`,
    ),
  },
  check(ctx) {
    for (const sla of slaEntries(ctx.contract)) {
      if (!sla.definition || sla.unit === undefined) continue;
      const { kind, name } = sla.definition;
      if (kind === 'duration' && toSeconds(1, sla.unit) === undefined) {
        ctx.report({ path: [...sla.path, 'unit'], message: `"${sla.unit}" is not a time unit, so the ${name} SLO cannot be evaluated` });
      } else if (kind === 'percent' && toPercent(1, sla.unit) === undefined) {
        ctx.report({ path: [...sla.path, 'unit'], message: `"${sla.unit}" is not a percentage unit; ${name} is a percentage`, fix: 'write unit: "%" (or leave the unit out)' });
      }
    }
  },
};
