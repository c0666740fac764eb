// mustBeLessThan: 10 → mustBe: 0: existing data may now fail the rule.
import type { ElementRule } from '../rule.js';
import { checkedPart, compareThresholds, operatorsOf, qualityPairs } from '../quality.js';
import { deepEqual } from '../nodes.js';
import { both } from '../rule-helpers.js';

export const rule: ElementRule = {
  id: 'breaking/quality-threshold-tightened',
  severity: 'dangerous',
  scope: 'element',
  summary: 'The threshold of a quality rule was tightened.',
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string
        quality:
          - id: order_id_not_null
            metric: nullValues
            mustBeLessThan: 10`,
    new: `schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string
        quality:
          - id: order_id_not_null
            metric: nullValues
            mustBe: 0`,
    details: 'Better for consumers, but existing data may fail the stricter rule and block deliveries: dangerous.',
  },
  check(ctx, report) {
    for (const pair of qualityPairs(ctx.old, ctx.new).pairs) {
      if (!deepEqual(checkedPart(pair.old.value), checkedPart(pair.new.value))) continue;
      if (compareThresholds(pair.old.value, pair.new.value) !== 'tightened') continue;
      report(pair, `threshold of quality rule ${both(pair.old.path, pair.new.path)} tightened from ${JSON.stringify(operatorsOf(pair.old.value))} to ${JSON.stringify(operatorsOf(pair.new.value))}: existing data may fail it`);
    }
  },
};
