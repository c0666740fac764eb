// Properties of one object (or of one nested object / array item) must have distinct names.
import { isMapping, propertyLists } from '../contract-schema.js';
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
      if (!Array.isArray(list)) continue;
      const seen = new Map<string, number>();
      list.forEach((property, i) => {
        if (!isMapping(property) || typeof property.name !== 'string' || property.name === '') return;
        const name = property.name;
        const first = seen.get(name);
        if (first === undefined) seen.set(name, i);
        else ctx.report({ path: [...listPath, i, 'name'], message: `${owner} already has a property "${name}" (properties[${first}])` });
      });
    }
  },
};
