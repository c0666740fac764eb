// minLength shrank (or was removed).
import { relaxedBoundRule } from '../rule-helpers.js';

export const rule = relaxedBoundRule({
  id: 'breaking/min-length-decreased',
  summary: 'minLength shrank (or was removed).',
  keys: ['minLength'],
  upper: false,
  consequence: 'consumers may now receive shorter (even empty) strings',
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: sku
        logicalType: string
        logicalTypeOptions:
          minLength: 6`,
    new: `schema:
  - name: orders
    properties:
      - name: sku
        logicalType: string
        logicalTypeOptions:
          minLength: 1`,
    details: 'Consumers that parse fixed-width codes or rely on non-empty strings break.',
  },
});
