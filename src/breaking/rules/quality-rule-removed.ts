// A quality rule disappeared: consumers relied on what it guaranteed.
import type { ElementRule } from '../rule.js';
import { qualityPairs } from '../quality.js';
import { q } from '../rule-helpers.js';

export const rule: ElementRule = {
  id: 'breaking/quality-rule-removed',
  severity: 'breaking',
  scope: 'element',
  summary: 'A quality rule was removed from a schema object or property.',
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string
        quality:
          - id: order_id_unique
            metric: duplicateValues
            mustBe: 0`,
    new: `schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string`,
    details: 'A quality rule is a promise (no duplicates, no nulls, at least N rows): consumers that skipped their own checks because of it now get unchecked data. Rules are paired by id, then name, then what they check.',
  },
  check(ctx, report) {
    for (const gone of qualityPairs(ctx.old, ctx.new).removed) {
      report({ old: gone }, `quality rule ${q(gone.path)} was removed: consumers can no longer rely on what it checked`);
    }
  },
};
