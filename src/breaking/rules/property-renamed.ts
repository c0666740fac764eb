// Same stable id (or, without ids, the same definition) under another name: a rename.
import type { ElementRule } from '../rule.js';
import { q } from '../rule-helpers.js';
import { show } from '../nodes.js';

export const rule: ElementRule = {
  id: 'breaking/property-renamed',
  severity: 'breaking',
  scope: 'element',
  summary: 'A property was renamed (same `id`, or without ids a removed and an added property with identical definitions).',
  widensValues: true,
  docs: {
    old: `schema:
  - name: orders
    properties:
      - id: amount
        name: amount
        logicalType: number`,
    new: `schema:
  - name: orders
    properties:
      - id: amount
        name: total_amount
        logicalType: number`,
    details: 'Consumers address properties by name: a rename breaks them exactly like a removal. With ODCS `id`s the rename is certain; without ids a removed and an added property whose definitions are equal apart from name, physicalName, businessName and description are reported as a probable rename.',
  },
  check(ctx, report) {
    for (const pair of ctx.properties.pairs) {
      if (pair.old.value.name === pair.new.value.name) continue;
      const how = pair.by === 'id' ? ` (same id ${show(pair.new.value.id)})` : pair.by === 'definition' ? ' (probably: no stable id, identical definition)' : '';
      report(pair, `${q(pair.old.path)} was renamed to ${q(pair.new.path)}${how}: consumers that select ${show(pair.old.value.name)} will fail`);
    }
  },
};
