// Fields every contract must fill in (mesh.yaml `requiredFields`, extended by domains): by default
// who owns it (team), how to reach them (support) and what it is (description).
import { isMapping } from '../contract-schema.js';
import type { ContractRule } from '../rule.js';

export const rule: ContractRule = {
  id: 'policy/required-fields',
  severity: 'error',
  scope: 'contract',
  summary: 'Contracts fill in every field of `requiredFields` (e.g. description, team, support).',
  fix: 'Add the missing field to the contract.',
  docs: {
    details: 'Entries are top-level ODCS fields or dotted paths (`description.purpose`); empty strings, lists and mappings count as missing.',
    fail: `apiVersion: v3.1.0
kind: DataContract
id: sales-orders
name: orders
version: 1.0.0
status: active
domain: sales
description:
  purpose: Every order placed in the web shop.
team:
  name: "@acme/sales-data"
schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
`,
    pass: `apiVersion: v3.1.0
kind: DataContract
id: sales-orders
name: orders
version: 1.0.0
status: active
domain: sales
description:
  purpose: Every order placed in the web shop.
team:
  name: "@acme/sales-data"
support:
  - { channel: "#sales-data", tool: slack }
schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
`,
  },
  check(ctx) {
    for (const field of ctx.policy.requiredFields) {
      const parts = field.split('.');
      let node: unknown = ctx.contract;
      let found: (string | number)[] = [];
      for (const part of parts) {
        if (!isMapping(node) || !(part in node)) {
          node = undefined;
          break;
        }
        node = node[part];
        found = [...found, part];
      }
      if (!isEmpty(node)) continue;
      ctx.report({ path: found.length === parts.length ? found : found.length > 0 ? found : [], message: `required field "${field}" is ${node === undefined ? 'missing' : 'empty'}`, fix: `add ${field} to the contract` });
    }
  },
};

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (isMapping(value)) return Object.values(value).every(isEmpty);
  return false;
}
