// mustBe: 0 → mustBeLessThan: 10: the rule lets worse data through.
import type { ElementRule } from '../rule.js';
import { checkedPart, compareThresholds, operatorsOf, qualityPairs } from '../quality.js';
import { deepEqual } from '../nodes.js';
import { both } from '../rule-helpers.js';

export const rule: ElementRule = {
  id: 'breaking/quality-threshold-loosened',
  severity: 'breaking',
  scope: 'element',
  summary: 'The threshold of a quality rule was loosened (it accepts more metric values than before).',
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string
        quality:
          - id: order_id_not_null
            metric: nullValues
            mustBe: 0`,
    new: `schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string
        quality:
          - id: order_id_not_null
            metric: nullValues
            mustBeLessThan: 10`,
    details: 'The operators (mustBe, mustBeLessThan, mustBeBetween, …) are compared as intervals of accepted metric values: a wider interval is loosened.',
  },
  check(ctx, report) {
    for (const pair of qualityPairs(ctx.old, ctx.new).pairs) {
      if (!deepEqual(checkedPart(pair.old.value), checkedPart(pair.new.value))) continue;
      if (compareThresholds(pair.old.value, pair.new.value) !== 'loosened') continue;
      report(pair, `threshold of quality rule ${both(pair.old.path, pair.new.path)} loosened from ${JSON.stringify(operatorsOf(pair.old.value))} to ${JSON.stringify(operatorsOf(pair.new.value))}: worse data now passes`);
    }
  },
};
