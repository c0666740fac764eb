// An SLA `element` names what the SLO is measured on: `object.property` (comma-separated when
// several; the object may be left out when the contract has one object). It must exist.
import { suggest } from '../../odcs/schema-messages.js';
import { allProperties, schemaObjects } from '../contract-schema.js';
import { exampleContract } from '../example-mesh.js';
import type { ContractRule } from '../rule.js';
import { slaEntries } from './sla-entries.js';

export const rule: ContractRule = {
  id: 'sla/element-exists',
  severity: 'error',
  scope: 'contract',
  summary: 'An SLA `element` points to an existing object or object.property.',
  fix: 'Write `element` as <object>.<property> of this contract.',
  docs: {
    fail: exampleContract(
      `schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
      - { name: placed_at, logicalType: timestamp }
`,
      `slaProperties:
  - { property: latency, value: 4, unit: h, element: orders.placed }
`,
    ),
    pass: exampleContract(
      `schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
      - { name: placed_at, logicalType: timestamp }
`,
      `slaProperties:
  - { property: latency, value: 4, unit: h, element: orders.placed_at }
`,
    ),
  },
  check(ctx) {
    const objects = schemaObjects(ctx.contract);
    const known = new Set<string>(objects.map((o) => o.name));
    for (const p of allProperties(ctx.contract)) known.add(p.dotted);
    const single = objects.length === 1 ? objects[0].name : undefined;
    const candidates = [...known];
    for (const sla of slaEntries(ctx.contract)) {
      const element = sla.entry.element;
      if (typeof element !== 'string') continue;
      for (const raw of element.split(',')) {
        const name = raw.trim();
        if (name === '' || known.has(name) || (single !== undefined && known.has(`${single}.${name}`))) continue;
        const guess = suggest(name, candidates);
        ctx.report({
          path: [...sla.path, 'element'],
          message: `SLA element "${name}" is not an object or property of this contract${guess ? ` (did you mean "${guess}"?)` : ''}`,
        });
      }
    }
  },
};
