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
    const elements = slaEntries(ctx.contract).filter((sla) => typeof sla.entry.element === 'string');
    if (elements.length === 0) return;
    // A direct look-up per name: contracts name one or two elements, and a set of every dotted
    // property name cost more to build than these scans (profiled).
    const objects = schemaObjects(ctx.contract);
    const properties = allProperties(ctx.contract);
    const exists = (name: string) => objects.some((o) => o.name === name) || properties.some((p) => p.dotted === name);
    const single = objects.length === 1 ? objects[0].name : undefined;
    for (const sla of elements) {
      for (const raw of (sla.entry.element as string).split(',')) {
        const name = raw.trim();
        if (name === '' || exists(name) || (single !== undefined && exists(`${single}.${name}`))) continue;
        const guess = suggest(name, [...new Set([...objects.map((o) => o.name), ...properties.map((p) => p.dotted)])]);
        ctx.report({
          path: [...sla.path, 'element'],
          message: `SLA element "${name}" is not an object or property of this contract${guess ? ` (did you mean "${guess}"?)` : ''}`,
        });
      }
    }
  },
};
