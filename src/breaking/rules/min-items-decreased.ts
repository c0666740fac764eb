// minItems of an array shrank (or was removed).
import { relaxedBoundRule } from '../rule-helpers.js';

export const rule = relaxedBoundRule({
  id: 'breaking/min-items-decreased',
  summary: 'minItems of an array shrank (or was removed).',
  keys: ['minItems'],
  upper: false,
  consequence: 'consumers may now receive shorter (even empty) arrays',
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: tags
        logicalType: array
        logicalTypeOptions:
          minItems: 1`,
    new: `schema:
  - name: orders
    properties:
      - name: tags
        logicalType: array
        logicalTypeOptions:
          minItems: 0`,
    details: 'Consumers that read the first element unconditionally break on empty arrays.',
  },
});
