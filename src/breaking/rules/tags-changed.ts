// Tags changed (other than a personal-data tag being added).
import type { ElementRule } from '../rule.js';
import { at } from '../nodes.js';
import { both, tagsOf } from '../rule-helpers.js';

export const rule: ElementRule = {
  id: 'breaking/tags-changed',
  severity: 'info',
  scope: 'element',
  summary: 'Tags of a schema object or property changed (personal-data tags added are personal-data-tag-added).',
  docs: {
    old: `schema:
  - name: orders
    tags: [sales]
    properties:
      - name: order_id
        logicalType: string`,
    new: `schema:
  - name: orders
    tags: [sales, finance]
    properties:
      - name: order_id
        logicalType: string`,
  },
  check(ctx, report) {
    const personal = new Set(ctx.settings.personalDataTags.map((t) => t.toLowerCase()));
    const o = tagsOf(ctx.old.value.tags);
    const n = tagsOf(ctx.new.value.tags);
    const hadPersonal = o.some((t) => personal.has(t.toLowerCase()));
    const added = n.filter((t) => !o.includes(t) && (hadPersonal || !personal.has(t.toLowerCase())));
    const removed = o.filter((t) => !n.includes(t));
    if (added.length === 0 && removed.length === 0) return;
    const parts = [added.length ? `added ${added.join(', ')}` : '', removed.length ? `removed ${removed.join(', ')}` : ''].filter(Boolean);
    report({ old: at(ctx.old, 'tags'), new: at(ctx.new, 'tags') }, `tags of ${both(ctx.old.path, ctx.new.path)}: ${parts.join('; ')}`);
  },
};
