// Documentation of an element changed: description, businessName, examples, authoritative definitions.
import type { ElementRule } from '../rule.js';
import { at, deepEqual } from '../nodes.js';
import { both } from '../rule-helpers.js';

export const DOC_KEYS = ['description', 'businessName', 'examples', 'authoritativeDefinitions'] as const;

export const rule: ElementRule = {
  id: 'breaking/description-changed',
  severity: 'info',
  scope: 'element',
  summary: 'The description, businessName, examples or authoritative definitions of a schema object or property changed.',
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string
        description: The order id.`,
    new: `schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string
        description: Globally unique order identifier (UUID v4) assigned at checkout.`,
    details: 'Documentation only: a patch version.',
  },
  check(ctx, report) {
    const changed = DOC_KEYS.filter((k) => !deepEqual(ctx.old.value[k], ctx.new.value[k]));
    if (changed.length === 0) return;
    report({ old: at(ctx.old, changed[0]), new: at(ctx.new, changed[0]) }, `${changed.join(', ')} of ${both(ctx.old.path, ctx.new.path)} changed`);
  },
};
