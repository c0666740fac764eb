// A primary key column can never be null: ODCS says so only through `required: true`.
import { allProperties } from '../contract-schema.js';
import { exampleContract } from '../example-mesh.js';
import type { ContractRule } from '../rule.js';

export const rule: ContractRule = {
  id: 'schema/primary-key-required',
  severity: 'error',
  scope: 'contract',
  summary: 'Properties with `primaryKey: true` are also `required: true`.',
  fix: 'Add `required: true` to the primary key property.',
  docs: {
    fail: exampleContract(`schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true }
`),
    pass: exampleContract(`schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
`),
  },
  check(ctx) {
    for (const site of allProperties(ctx.contract)) {
      if (site.property.primaryKey !== true || site.property.required === true) continue;
      ctx.report({
        path: [...site.path, site.property.required === undefined ? 'primaryKey' : 'required'],
        message: `primary key property "${site.dotted}" is not required: a key cannot be null`,
      });
    }
  },
};
