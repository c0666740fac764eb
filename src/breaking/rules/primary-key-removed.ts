// primaryKey: true dropped: the key consumers merge on is gone.
import type { ElementRule } from '../rule.js';
import { at } from '../nodes.js';
import { both, isTrue } from '../rule-helpers.js';

export const rule: ElementRule = {
  id: 'breaking/primary-key-removed',
  severity: 'breaking',
  scope: 'element',
  summary: 'A property is no longer (part of) the primary key.',
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string
        primaryKey: true`,
    new: `schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string`,
    details: 'Consumers that merge, upsert or deduplicate by the key get duplicates or wrong merges.',
  },
  check(ctx, report) {
    if (!isTrue(ctx.old.value.primaryKey) || isTrue(ctx.new.value.primaryKey)) return;
    report({ old: at(ctx.old, 'primaryKey'), new: at(ctx.new, 'primaryKey') }, `${both(ctx.old.path, ctx.new.path)} is no longer part of the primary key: merges and upserts keyed on it break`);
  },
};
