// maximum / exclusiveMaximum grew (or was removed).
import { relaxedBoundRule } from '../rule-helpers.js';

export const rule = relaxedBoundRule({
  id: 'breaking/maximum-increased',
  summary: 'maximum / exclusiveMaximum grew (or was removed).',
  keys: ['maximum', 'exclusiveMaximum'],
  upper: true,
  consequence: 'consumers may now receive larger values than they were promised',
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: discount_pct
        logicalType: number
        logicalTypeOptions:
          maximum: 50`,
    new: `schema:
  - name: orders
    properties:
      - name: discount_pct
        logicalType: number
        logicalTypeOptions:
          maximum: 100`,
    details: 'Consumers with range checks, lookup tables or narrow numeric types break on larger values. Dates compare as dates.',
  },
});
