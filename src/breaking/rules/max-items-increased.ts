// maxItems of an array grew (or was removed).
import { relaxedBoundRule } from '../rule-helpers.js';

export const rule = relaxedBoundRule({
  id: 'breaking/max-items-increased',
  summary: 'maxItems of an array grew (or was removed).',
  keys: ['maxItems'],
  upper: true,
  consequence: 'consumers may now receive longer arrays',
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: tags
        logicalType: array
        logicalTypeOptions:
          maxItems: 5`,
    new: `schema:
  - name: orders
    properties:
      - name: tags
        logicalType: array
        logicalTypeOptions:
          maxItems: 50`,
    details: 'Consumers that map the array to fixed slots or bounded buffers break.',
  },
});
