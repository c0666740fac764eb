// Contract names follow the mesh's convention (mesh.yaml `naming.contractName`, plus any domain pattern).
import { exampleContract } from '../example-mesh.js';
import type { ContractRule } from '../rule.js';
import { describeMiss, missedPatterns } from './naming-check.js';

const SCHEMA = `schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
`;

export const rule: ContractRule = {
  id: 'naming/contract-name',
  severity: 'warning',
  scope: 'contract',
  summary: 'The contract `name` matches `naming.contractName`.',
  fix: 'Rename the contract to match the naming convention.',
  docs: {
    fail: exampleContract(SCHEMA).replace('name: orders\nversion', 'name: Orders-Table\nversion'),
    pass: exampleContract(SCHEMA),
  },
  check(ctx) {
    const name = ctx.contract.name;
    if (typeof name !== 'string') return;
    const missed = missedPatterns(name, ctx.policy.naming.contractName);
    if (missed.length > 0) ctx.report({ path: ['name'], message: describeMiss('contract name', name, missed) });
  },
};
