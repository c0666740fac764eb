// A new blocking rule on existing data: deliveries may stop if old data does not pass.
import type { ElementRule } from '../rule.js';
import { isBlocking, qualityPairs } from '../quality.js';
import { q } from '../rule-helpers.js';

export const rule: ElementRule = {
  id: 'breaking/quality-blocking-rule-added',
  severity: 'dangerous',
  scope: 'element',
  summary: 'A blocking quality rule (severity error) was added to an existing schema object or property.',
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
            mustBe: 0
            severity: error`,
    details: 'Existing data has never been checked against it: if it fails, the pipeline stops delivering to every consumer.',
  },
  check(ctx, report) {
    for (const added of qualityPairs(ctx.old, ctx.new).added) {
      if (!isBlocking(added.value)) continue;
      report({ new: added }, `blocking quality rule ${q(added.path)} was added to existing data: deliveries stop if current data fails it`);
    }
  },
};
