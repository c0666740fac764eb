// Properties of one object (or of one nested object / array item) must have distinct names.
import { propertyList, propertyLists } from '../contract-schema.js';
import { exampleContract } from '../example-mesh.js';
import type { ContractRule } from '../rule.js';

export const rule: ContractRule = {
  id: 'schema/unique-property-name',
  severity: 'error',
  scope: 'contract',
  summary: 'Properties of one object (and of each nested object) have distinct names.',
  fix: 'Rename or remove the duplicate property.',
  docs: {
    fail: exampleContract(`schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
      - { name: amount, logicalType: number }
      - { name: amount, logicalType: string }
`),
    pass: exampleContract(`schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
      - { name: amount, logicalType: number }
      - { name: amount_text, logicalType: string }
`),
  },
  check(ctx) {
    for (const { listPath, list, owner } of propertyLists(ctx.contract)) {
      const seen = new Map<string, number>();
      for (const { name, path } of propertyList(list, listPath)) {
        if (name === '') continue;
        const first = seen.get(name);
        if (first === undefined) seen.set(name, path[path.length - 1] as number);
        else ctx.report({ path: [...path, 'name'], message: `${owner} already has a property "${name}" (properties[${first}])` });
      }
    }
  },
};
