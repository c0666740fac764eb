// A valid value disappeared.
import type { ElementRule } from '../rule.js';
import { at } from '../nodes.js';
import { validValuesOf, valueKey } from '../quality.js';
import { both } from '../rule-helpers.js';

export const rule: ElementRule = {
  id: 'breaking/enum-value-removed',
  severity: 'breaking',
  scope: 'element',
  summary: 'A value was removed from the valid values of a property.',
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: channel
        logicalType: string
        quality:
          - metric: invalidValues
            arguments:
              validValues: [web, app, store]
            mustBe: 0`,
    new: `schema:
  - name: orders
    properties:
      - name: channel
        logicalType: string
        quality:
          - metric: invalidValues
            arguments:
              validValues: [web, app]
            mustBe: 0`,
    details: 'New data never holds the value, so strictly no reader fails to parse it; we still call it breaking because consumers filter and aggregate by value (`WHERE channel = \'store\'` silently returns nothing), consumers that write back or round-trip records with the value now violate the contract, and historic rows with the value no longer satisfy it.',
  },
  check(ctx, report) {
    const from = validValuesOf(ctx.old);
    const to = validValuesOf(ctx.new);
    if (!from || !to) return;
    const kept = new Set(to.map(valueKey));
    const removed = from.filter((v) => !kept.has(valueKey(v)));
    if (removed.length === 0) return;
    report({ old: at(ctx.old, 'quality'), new: at(ctx.new, 'quality') }, `valid values of ${both(ctx.old.path, ctx.new.path)} lost ${removed.map((v) => JSON.stringify(v)).join(', ')}: consumers filtering on or writing ${removed.length === 1 ? 'it' : 'them'} silently get nothing or violate the contract`);
  },
};
