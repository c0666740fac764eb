// The rule checks something else (metric, query, unit) or its threshold cannot be compared.
import type { ElementRule } from '../rule.js';
import { checkedPart, compareThresholds, isBlocking, qualityPairs } from '../quality.js';
import { deepEqual, show } from '../nodes.js';
import { both } from '../rule-helpers.js';

export const rule: ElementRule = {
  id: 'breaking/quality-rule-changed',
  severity: 'dangerous',
  scope: 'element',
  summary: 'A quality rule now checks something else (metric, query, unit, arguments), has an incomparable threshold, or changed severity.',
  docs: {
    old: `schema:
  - name: orders
    quality:
      - id: no_negative_totals
        type: sql
        query: SELECT COUNT(*) FROM orders WHERE total < 0
        mustBe: 0
    properties:
      - name: total
        logicalType: number`,
    new: `schema:
  - name: orders
    quality:
      - id: no_negative_totals
        type: sql
        query: SELECT COUNT(*) FROM orders WHERE total < 0 AND status <> 'refund'
        mustBe: 0
    properties:
      - name: total
        logicalType: number`,
    details: 'We cannot tell whether a new SQL query or metric is stricter or looser; reviewers should read it.',
  },
  check(ctx, report) {
    for (const pair of qualityPairs(ctx.old, ctx.new).pairs) {
      const o = pair.old.value;
      const n = pair.new.value;
      if (!deepEqual(checkedPart(o), checkedPart(n))) {
        report(pair, `quality rule ${both(pair.old.path, pair.new.path)} now checks something else: review whether consumers still get what it promised`);
      } else if (compareThresholds(o, n) === 'changed') {
        report(pair, `threshold of quality rule ${both(pair.old.path, pair.new.path)} changed in a way that cannot be compared`);
      } else if (isBlocking(o) !== isBlocking(n)) {
        report(pair, `severity of quality rule ${both(pair.old.path, pair.new.path)} changed from ${show(o.severity)} to ${show(n.severity)}`);
      }
    }
  },
};
