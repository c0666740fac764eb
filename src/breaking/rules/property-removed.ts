// A property disappeared: every consumer that selects it fails or silently gets nothing.
import type { ElementRule } from '../rule.js';
import { q, what } from '../rule-helpers.js';

export const rule: ElementRule = {
  id: 'breaking/property-removed',
  severity: 'breaking',
  scope: 'element',
  summary: 'A property was removed from a schema object (or from a nested object).',
  widensValues: true,
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string
      - name: coupon_code
        logicalType: string`,
    new: `schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string`,
    details: 'Queries and pipelines that select the property fail; schema-on-read consumers silently get nulls. Properties are paired by `id`, then by `name`, so moving a property within the list is no change.',
  },
  check(ctx, report) {
    for (const gone of ctx.properties.removed) {
      report({ old: gone }, `${q(gone.path)} was removed from ${what(ctx)} ${q(ctx.new.path)}: consumers that read it will fail or get nothing`);
    }
  },
};
