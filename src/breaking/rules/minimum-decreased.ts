// minimum / exclusiveMinimum shrank (or was removed).
import { relaxedBoundRule } from '../rule-helpers.js';

export const rule = relaxedBoundRule({
  id: 'breaking/minimum-decreased',
  summary: 'minimum / exclusiveMinimum shrank (or was removed).',
  keys: ['minimum', 'exclusiveMinimum'],
  upper: false,
  consequence: 'consumers may now receive smaller (e.g. negative) values than they were promised',
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: amount
        logicalType: number
        logicalTypeOptions:
          minimum: 0`,
    new: `schema:
  - name: orders
    properties:
      - name: amount
        logicalType: number
        logicalTypeOptions:
          minimum: -1000`,
    details: 'Consumers that assume non-negative amounts or dates after a start date compute wrong results.',
  },
});
