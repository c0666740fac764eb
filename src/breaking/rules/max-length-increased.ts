// maxLength grew (or was removed).
import { relaxedBoundRule } from '../rule-helpers.js';

export const rule = relaxedBoundRule({
  id: 'breaking/max-length-increased',
  summary: 'maxLength grew (or was removed).',
  keys: ['maxLength'],
  upper: true,
  consequence: 'consumers with columns or buffers sized to the old maximum truncate or reject values',
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: sku
        logicalType: string
        logicalTypeOptions:
          maxLength: 20`,
    new: `schema:
  - name: orders
    properties:
      - name: sku
        logicalType: string
        logicalTypeOptions:
          maxLength: 40`,
    details: 'A consumer that stores the value in a VARCHAR(20) or validates the length rejects or truncates longer values.',
  },
});
