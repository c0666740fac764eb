// A schema object kept its id (or definition) under another name.
import type { ContractRule } from '../rule.js';
import { q } from '../rule-helpers.js';
import { show } from '../nodes.js';

export const rule: ContractRule = {
  id: 'breaking/object-renamed',
  severity: 'breaking',
  scope: 'contract',
  summary: 'A schema object was renamed (same `id`, or identical definition under a new name).',
  docs: {
    old: `schema:
  - id: orders
    name: orders
    properties:
      - name: order_id
        logicalType: string`,
    new: `schema:
  - id: orders
    name: customer_orders
    properties:
      - name: order_id
        logicalType: string`,
    details: 'Consumers address objects by name: a rename breaks them like a removal.',
  },
  check(ctx, report) {
    for (const pair of ctx.objects.pairs) {
      if (pair.old.value.name === pair.new.value.name) continue;
      const how = pair.by === 'id' ? ` (same id ${show(pair.new.value.id)})` : pair.by === 'definition' ? ' (probably: no stable id, identical definition)' : '';
      report(pair, `schema object ${q(pair.old.path)} was renamed to ${q(pair.new.path)}${how}: consumers reading ${show(pair.old.value.name)} will fail`);
    }
  },
};
