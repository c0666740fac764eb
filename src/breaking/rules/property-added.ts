// A new property: compatible for consumers (open models ignore unknown columns).
import type { ElementRule } from '../rule.js';
import { isTrue, q, what } from '../rule-helpers.js';

export const rule: ElementRule = {
  id: 'breaking/property-added',
  severity: 'info',
  bump: 'minor',
  scope: 'element',
  summary: 'A property was added.',
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string`,
    new: `schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string
      - name: coupon_code
        logicalType: string`,
    details: 'Additive: consumers that select their columns are not affected; `SELECT *` consumers see one more column. Needs a minor version.',
  },
  check(ctx, report) {
    for (const added of ctx.properties.added) {
      const required = isTrue(added.value.required) ? 'required ' : '';
      report({ new: added }, `${required}property ${q(added.path)} was added to ${what(ctx)} ${q(ctx.new.path)}`);
    }
  },
};
