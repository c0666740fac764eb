// unique: true dropped: duplicates may appear.
import type { ElementRule } from '../rule.js';
import { at } from '../nodes.js';
import { both, isTrue } from '../rule-helpers.js';

export const rule: ElementRule = {
  id: 'breaking/unique-removed',
  severity: 'breaking',
  scope: 'element',
  summary: 'A property is no longer unique.',
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string
        unique: true`,
    new: `schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string`,
    details: 'Consumers that join or deduplicate on the property get duplicated rows.',
  },
  check(ctx, report) {
    if (!isTrue(ctx.old.value.unique) || isTrue(ctx.new.value.unique)) return;
    report({ old: at(ctx.old, 'unique'), new: at(ctx.new, 'unique') }, `${both(ctx.old.path, ctx.new.path)} is no longer unique: joins and lookups on it may return duplicates`);
  },
};
