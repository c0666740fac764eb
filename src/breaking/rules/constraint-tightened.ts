// Bounds narrowed, unique/primaryKey/pattern/format/type added: fewer values, nothing new for consumers.
import type { ElementRule } from '../rule.js';
import { at, mapping } from '../nodes.js';
import { BOUNDS, both, boundOf, compareBounds, describeBound, isTrue, logicalTypeOf, optionsNode } from '../rule-helpers.js';

export const rule: ElementRule = {
  id: 'breaking/constraint-tightened',
  severity: 'info',
  bump: 'minor',
  scope: 'element',
  summary: 'A constraint was added or tightened (smaller maxLength, higher minimum, new pattern/format, unique or primaryKey added, a logicalType declared).',
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: sku
        logicalType: string
        logicalTypeOptions:
          maxLength: 40`,
    new: `schema:
  - name: orders
    properties:
      - name: sku
        logicalType: string
        logicalTypeOptions:
          maxLength: 20`,
    details: 'Consumers only see fewer possible values: compatible for them. The producer must make sure existing data satisfies the new constraint.',
  },
  check(ctx, report) {
    const o = mapping(ctx.old, 'logicalTypeOptions');
    const n = mapping(ctx.new, 'logicalTypeOptions');
    const optsOld = optionsNode(ctx.old);
    const optsNew = optionsNode(ctx.new);
    for (const b of BOUNDS) {
      const ob = boundOf(o, b.keys[0], b.keys[1]);
      const nb = boundOf(n, b.keys[0], b.keys[1]);
      if (compareBounds(ob, nb, b.upper) === -1) {
        report({ old: at(optsOld, b.keys[0]), new: at(optsNew, b.keys[0]) }, `${b.keys[0]} of ${both(ctx.old.path, ctx.new.path)} tightened from ${describeBound(ob, b.upper)} to ${describeBound(nb, b.upper)}`);
      }
    }
    for (const key of ['pattern', 'format']) {
      if (o[key] === undefined && n[key] !== undefined) report({ old: ctx.old, new: at(optsNew, key) }, `${key} ${JSON.stringify(n[key])} was added to ${both(ctx.old.path, ctx.new.path)}`);
    }
    for (const key of ['unique', 'primaryKey'] as const) {
      if (!isTrue(ctx.old.value[key]) && isTrue(ctx.new.value[key])) report({ old: ctx.old, new: at(ctx.new, key) }, `${both(ctx.old.path, ctx.new.path)} is now ${key === 'unique' ? 'unique' : 'part of the primary key'}`);
    }
    if (logicalTypeOf(ctx.old) === undefined && logicalTypeOf(ctx.new) !== undefined) {
      report({ old: ctx.old, new: at(ctx.new, 'logicalType') }, `${both(ctx.old.path, ctx.new.path)} now declares logicalType ${logicalTypeOf(ctx.new)}`);
    }
  },
};
