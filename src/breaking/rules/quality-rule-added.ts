// A new (non-blocking) quality rule: a new promise.
import type { ElementRule } from '../rule.js';
import { isBlocking, qualityPairs } from '../quality.js';
import { q } from '../rule-helpers.js';

export const rule: ElementRule = {
  id: 'breaking/quality-rule-added',
  severity: 'info',
  bump: 'minor',
  scope: 'element',
  summary: 'A quality rule was added (not blocking).',
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
        quality:
          - id: order_id_unique
            metric: duplicateValues
            mustBe: 0`,
    details: 'A new promise to consumers; a rule with severity error (blocking) is reported by quality-blocking-rule-added instead.',
  },
  check(ctx, report) {
    for (const added of qualityPairs(ctx.old, ctx.new).added) {
      if (isBlocking(added.value)) continue;
      report({ new: added }, `quality rule ${q(added.path)} was added`);
    }
  },
};
