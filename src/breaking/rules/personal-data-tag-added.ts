// A property is now tagged as personal data: access rules tighten, consumers may lose access.
import type { ElementRule } from '../rule.js';
import { at } from '../nodes.js';
import { both, tagsOf } from '../rule-helpers.js';

export const rule: ElementRule = {
  id: 'breaking/personal-data-tag-added',
  severity: 'breaking',
  scope: 'element',
  summary: 'A personal-data tag (mesh.yaml `personalData.tags`, default pii, gdpr, personal-data) was added to a property.',
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: email
        logicalType: string
        tags: [contact]`,
    new: `schema:
  - name: orders
    properties:
      - name: email
        logicalType: string
        tags: [contact, pii]`,
    details: 'Personal data comes with purpose limitation, retention limits and access reviews: consumers may lose access or have to delete data they hold.',
  },
  check(ctx, report) {
    const personal = new Set(ctx.settings.personalDataTags.map((t) => t.toLowerCase()));
    const had = new Set(tagsOf(ctx.old.value.tags).map((t) => t.toLowerCase()));
    const added = tagsOf(ctx.new.value.tags).filter((t) => personal.has(t.toLowerCase()) && !had.has(t.toLowerCase()));
    if (added.length === 0 || [...had].some((t) => personal.has(t))) return;
    report({ old: at(ctx.old, 'tags'), new: at(ctx.new, 'tags') }, `${both(ctx.old.path, ctx.new.path)} is now tagged as personal data (${added.join(', ')}): consumers may lose access or need a legal basis to keep it`);
  },
};
