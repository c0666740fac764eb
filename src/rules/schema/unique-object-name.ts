// Objects of one contract are addressed by name (SLA `element`, quality, relationships): names must differ.
import { schemaObjects } from '../contract-schema.js';
import { exampleContract } from '../example-mesh.js';
import type { ContractRule } from '../rule.js';

export const rule: ContractRule = {
  id: 'schema/unique-object-name',
  severity: 'error',
  scope: 'contract',
  summary: 'Schema objects of a contract have distinct names.',
  fix: 'Rename or merge the duplicate object.',
  docs: {
    fail: exampleContract(`schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
  - name: orders
    properties:
      - { name: line_id, logicalType: string }
`),
    pass: exampleContract(`schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
  - name: order_lines
    properties:
      - { name: line_id, logicalType: string }
`),
  },
  check(ctx) {
    const seen = new Map<string, number>();
    for (const object of schemaObjects(ctx.contract)) {
      if (object.name === '') continue;
      const first = seen.get(object.name);
      if (first === undefined) seen.set(object.name, object.path[1] as number);
      else ctx.report({ path: [...object.path, 'name'], message: `object name "${object.name}" is already used by schema[${first}]` });
    }
  },
};
