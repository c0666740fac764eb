// internal → restricted: consumers may lose access.
import type { ElementRule } from '../rule.js';
import { at } from '../nodes.js';
import { both } from '../rule-helpers.js';
import { compareClassification } from '../classification.js';

export const rule: ElementRule = {
  id: 'breaking/classification-raised',
  severity: 'breaking',
  scope: 'element',
  summary: 'The classification of a property was raised (e.g. internal → restricted), or changed to a level outside the taxonomy.',
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: email
        logicalType: string
        classification: internal`,
    new: `schema:
  - name: orders
    properties:
      - name: email
        logicalType: string
        classification: restricted`,
    details: 'Access follows classification: consumers without clearance for the new level lose access to the data. The order comes from mesh.yaml `classification.levels` (default public < internal < confidential < restricted); a property without classification counts as the mesh default.',
  },
  check(ctx, report) {
    const c = compareClassification(ctx.old.value.classification, ctx.new.value.classification, ctx.settings);
    if (!c || c.direction !== 'raised') return;
    report({ old: at(ctx.old, 'classification'), new: at(ctx.new, 'classification') }, `classification of ${both(ctx.old.path, ctx.new.path)} raised from ${c.from} to ${c.to}: consumers without ${c.to} clearance lose access`);
  },
};
