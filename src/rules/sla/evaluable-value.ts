// An SLO nobody can evaluate is a promise nobody can check: numeric properties need numeric values
// (and durations a unit), dates need dates.
import { normaliseSlaValue } from '../../odcs/sla-properties.js';
import { toPercent, toSeconds } from '../../odcs/units.js';
import { exampleContract } from '../example-mesh.js';
import type { ContractRule } from '../rule.js';
import { isPlaceholder } from './placeholder-value.js';
import { describeSla, slaEntries } from './sla-entries.js';

const EXPECTED = {
  duration: 'a duration: a number with a time unit (value: 4, unit: h), "4h" or "PT4H"',
  percent: 'a percentage such as 99.9',
  number: 'a number',
  date: 'a date such as 2026-01-31',
} as const;

export const rule: ContractRule = {
  id: 'sla/evaluable-value',
  severity: 'error',
  scope: 'contract',
  summary: 'Every SLO value can be evaluated: numbers for numeric properties, a unit for durations, dates for dates.',
  fix: 'Write the value as its property expects (e.g. `value: 4` with `unit: h` for latency).',
  docs: {
    fail: exampleContract(
      `schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
`,
      `slaProperties:
  - { property: latency, value: 4 }
  - { property: availability, value: high }
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
  - { property: availability, value: 99.9 }
`,
    ),
  },
  check(ctx) {
    for (const sla of slaEntries(ctx.contract)) {
      const def = sla.definition;
      if (!def || def.kind === 'time' || def.kind === 'text') continue;
      // A unit that does not fit is sla/valid-unit's finding; do not report it twice.
      if (sla.unit !== undefined && def.kind === 'duration' && toSeconds(1, sla.unit) === undefined) continue;
      if (sla.unit !== undefined && def.kind === 'percent' && toPercent(1, sla.unit) === undefined) continue;
      if (!('value' in sla.entry)) continue; // missing value: the ODCS schema check reports it
      if (isPlaceholder(sla.entry.value)) continue; // sla/placeholder-value's finding
      if (normaliseSlaValue(def, sla.entry.value, sla.unit) !== undefined) continue;
      const missingUnit = def.kind === 'duration' && typeof sla.entry.value === 'number' && sla.unit === undefined;
      ctx.report({
        path: [...sla.path, missingUnit ? 'property' : 'value'],
        message: missingUnit
          ? `${def.name} value ${sla.entry.value} has no unit, so it cannot be evaluated`
          : `${def.name} value ${describeSla(sla.entry)} cannot be evaluated: expected ${EXPECTED[def.kind]}`,
        ...(missingUnit ? { fix: 'add a unit, e.g. `unit: h`' } : {}),
      });
    }
  },
};
