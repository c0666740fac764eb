// A different or removed pattern: values the consumer's parser rejects may arrive.
import type { ElementRule } from '../rule.js';
import { at, mapping, show } from '../nodes.js';
import { both, optionsNode } from '../rule-helpers.js';

export const rule: ElementRule = {
  id: 'breaking/pattern-changed',
  severity: 'breaking',
  scope: 'element',
  summary: 'The pattern of a string property changed or was removed.',
  widensValues: true,
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: currency
        logicalType: string
        logicalTypeOptions:
          pattern: "^[A-Z]{3}$"`,
    new: `schema:
  - name: orders
    properties:
      - name: currency
        logicalType: string
        logicalTypeOptions:
          pattern: "^[A-Za-z]{3}$"`,
    details: 'Whether one regular expression accepts a subset of another is undecidable in general, so any change of an existing pattern is treated as loosening. Adding a pattern where there was none only tightens (constraint-tightened).',
  },
  check(ctx, report) {
    const from = mapping(ctx.old, 'logicalTypeOptions').pattern;
    const to = mapping(ctx.new, 'logicalTypeOptions').pattern;
    if (from === undefined || from === to) return;
    report({ old: at(optionsNode(ctx.old), 'pattern'), new: at(optionsNode(ctx.new), 'pattern') }, `pattern of ${both(ctx.old.path, ctx.new.path)} ${to === undefined ? 'was removed' : `changed from ${show(from)} to ${show(to)}`}: consumers validating or parsing the old format may get values they reject`);
  },
};
