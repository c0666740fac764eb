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
      // Most lists are short: comparing with the earlier names costs less than a Map (profiled).
      const seen = list.length > 16 ? new Map<string, number>() : undefined;
      for (let i = 0; i < list.length; i++) {
        const property: unknown = list[i];
        if (!isMapping(property) || typeof property.name !== 'string' || property.name === '') continue;
        const name = property.name;
        const first = seen ? seen.get(name) : firstNamed(list, name, i);
        if (first === undefined) seen?.set(name, i);
        else ctx.report({ path: [...listPath(), i, 'name'], message: `${owner()} already has a property "${name}" (properties[${first}])` });
      }
    }
  },
};

/** Index of the first property before `before` in `list` named `name`. */
function firstNamed(list: unknown[], name: string, before: number): number | undefined {
  for (let k = 0; k < before; k++) {
    const other = list[k];
    if (isMapping(other) && other.name === name) return k;
  }
  return undefined;
}
