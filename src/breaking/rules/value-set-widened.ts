// The json-schema-diff cross-check: it found values the new JSON Schema of an object accepts and the
// old one rejected, and no rule explained them. A safety net for cases our rules do not model.
import type { ReportRule } from '../rule.js';

export const rule: ReportRule = {
  id: 'breaking/value-set-widened',
  severity: 'breaking',
  scope: 'report',
  summary: 'json-schema-diff finds rows the new JSON Schema of a schema object accepts that the old one rejected, and no other rule explains it.',
  widensValues: true,
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: attributes
        logicalType: object
        logicalTypeOptions:
          maxProperties: 5`,
    new: `schema:
  - name: orders
    properties:
      - name: attributes
        logicalType: object
        logicalTypeOptions:
          maxProperties: 50`,
    details: 'Runs only when the json-schema-diff cross-check runs (`mesh diff`, `mesh breaking`; `diffContractsChecked` in code). It compiles each schema object with `mesh export --format jsonschema` (open models, so added optional properties accept nothing new) and reports values no rule accounted for — for example a larger `maxProperties` of an object property, which no rule of its own covers.',
  },
  check(ctx, report) {
    for (const vs of ctx.valueSets) {
      if (!vs.additionsFound) continue;
      const explained = ctx.changes.some(
        (c) => c.widensValues && [c.path, c.oldPath, c.newPath].some((p) => p !== undefined && (p === vs.newPath || p.startsWith(`${vs.newPath}.`) || p === vs.oldPath || p.startsWith(`${vs.oldPath}.`))),
      );
      if (explained) continue;
      report(vs.newPath, `json-schema-diff: the new schema of \`${vs.newPath}\` accepts values the old one rejected, and no rule explains it; review the change`);
    }
  },
};
