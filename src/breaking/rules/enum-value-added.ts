// A new valid value: consumers' exhaustive switches and mappings meet an unknown value.
import type { ElementRule } from '../rule.js';
import { at } from '../nodes.js';
import { validValuesOf, valueKey } from '../quality.js';
import { both } from '../rule-helpers.js';

export const rule: ElementRule = {
  id: 'breaking/enum-value-added',
  severity: 'dangerous',
  scope: 'element',
  summary: 'A value was added to the valid values of a property (quality rule `invalidValues` with `arguments.validValues`).',
  widensValues: true,
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: channel
        logicalType: string
        quality:
          - metric: invalidValues
            arguments:
              validValues: [web, app]
            mustBe: 0`,
    new: `schema:
  - name: orders
    properties:
      - name: channel
        logicalType: string
        quality:
          - metric: invalidValues
            arguments:
              validValues: [web, app, store]
            mustBe: 0`,
    details: 'ODCS expresses enumerations as an `invalidValues` quality rule with `validValues`. A new value reaches consumers whose switch statements, lookup tables or category mappings do not know it.',
  },
  check(ctx, report) {
    const from = validValuesOf(ctx.old);
    const to = validValuesOf(ctx.new);
    if (!from || !to) return;
    const known = new Set(from.map(valueKey));
    const added = to.filter((v) => !known.has(valueKey(v)));
    if (added.length === 0) return;
    report({ old: at(ctx.old, 'quality'), new: at(ctx.new, 'quality') }, `valid values of ${both(ctx.old.path, ctx.new.path)} gained ${added.map((v) => JSON.stringify(v)).join(', ')}: consumers mapping every value must handle ${added.length === 1 ? 'it' : 'them'}`);
  },
};
