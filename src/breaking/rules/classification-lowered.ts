// restricted → internal: not breaking, but a governance decision worth a review.
import type { ElementRule } from '../rule.js';
import { at } from '../nodes.js';
import { both } from '../rule-helpers.js';
import { compareClassification } from '../classification.js';

export const rule: ElementRule = {
  id: 'breaking/classification-lowered',
  severity: 'info',
  bump: 'minor',
  scope: 'element',
  summary: 'The classification of a property was lowered (e.g. confidential → internal).',
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: email
        logicalType: string
        classification: confidential`,
    new: `schema:
  - name: orders
    properties:
      - name: email
        logicalType: string
        classification: internal`,
    details: 'Consumers keep access, so it is not breaking; but more people may now read the data: the message asks reviewers for a governance check (and lint\'s policy rules still apply).',
  },
  check(ctx, report) {
    const c = compareClassification(ctx.old.value.classification, ctx.new.value.classification, ctx.settings);
    if (!c || c.direction !== 'lowered') return;
    report({ old: at(ctx.old, 'classification'), new: at(ctx.new, 'classification') }, `classification of ${both(ctx.old.path, ctx.new.path)} lowered from ${c.from} to ${c.to}: more readers may get access; governance review needed`);
  },
};
