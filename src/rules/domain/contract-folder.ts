// The ODCS `domain` field and the folder a contract lives in must agree: ownership and policy follow the folder.
import { exampleContract } from '../example-mesh.js';
import type { ContractRule } from '../rule.js';

const SCHEMA = `schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
`;

export const rule: ContractRule = {
  id: 'domain/contract-folder',
  severity: 'error',
  scope: 'contract',
  summary: "A contract's `domain` (when set) is the name of the domain folder it lives in.",
  fix: 'Set `domain` to the folder name, or move the file to the folder of its domain.',
  docs: {
    fail: exampleContract(SCHEMA).replace('domain: sales', 'domain: finance'),
    pass: exampleContract(SCHEMA),
  },
  check(ctx) {
    const declared = ctx.contract.domain;
    if (typeof declared !== 'string' || ctx.domain === undefined || declared === ctx.domain) return;
    ctx.report({ path: ['domain'], message: `domain "${declared}" differs from the folder the contract is in ("${ctx.domain}")`, fix: `set domain: ${ctx.domain}, or move the file to contracts/${declared}/` });
  },
};
