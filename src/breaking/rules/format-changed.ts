// format uuid → (none), date format yyyy-MM-dd → dd.MM.yyyy, integer format i32 → i64.
import type { ElementRule } from '../rule.js';
import { at, mapping, show } from '../nodes.js';
import { both, optionsNode } from '../rule-helpers.js';

const INT_BITS = /^([iuf])(\d+)$/;

/** True when an integer/float format only got smaller (i64 → i32): tightening, not a break. */
function narrowerNumberFormat(from: unknown, to: unknown): boolean {
  const a = typeof from === 'string' ? INT_BITS.exec(from) : null;
  const b = typeof to === 'string' ? INT_BITS.exec(to) : null;
  return !!a && !!b && a[1] === b[1] && Number(b[2]) < Number(a[2]);
}

export const rule: ElementRule = {
  id: 'breaking/format-changed',
  severity: 'breaking',
  scope: 'element',
  summary: 'The format of a property changed or was removed (string format, date format, integer width growing).',
  widensValues: true,
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: order_date
        logicalType: date
        logicalTypeOptions:
          format: yyyy-MM-dd`,
    new: `schema:
  - name: orders
    properties:
      - name: order_date
        logicalType: date
        logicalTypeOptions:
          format: dd.MM.yyyy`,
    details: 'Consumers parse values with the declared format; a wider integer format (i32 → i64) lets values overflow 32-bit readers. A narrower integer format only tightens.',
  },
  check(ctx, report) {
    const from = mapping(ctx.old, 'logicalTypeOptions').format;
    const to = mapping(ctx.new, 'logicalTypeOptions').format;
    if (from === undefined || from === to || narrowerNumberFormat(from, to)) return;
    report({ old: at(optionsNode(ctx.old), 'format'), new: at(optionsNode(ctx.new), 'format') }, `format of ${both(ctx.old.path, ctx.new.path)} ${to === undefined ? `${show(from)} was removed` : `changed from ${show(from)} to ${show(to)}`}: consumers parsing ${show(from)} values may fail`);
  },
};
