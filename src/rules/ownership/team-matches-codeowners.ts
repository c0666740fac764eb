// The team a contract names is the team GitHub asks for review: ODCS `team` and CODEOWNERS agree.
import { ownersOf } from '../../ownership/codeowners.js';
import type { MeshRule } from '../rule.js';
import { sameOwner, teamIdentities } from './owners.js';

export const rule: MeshRule = {
  id: 'ownership/team-matches-codeowners',
  severity: 'error',
  scope: 'mesh',
  summary: "A contract's `team` (and a domain.yaml's `team`) is among the CODEOWNERS owners of its file.",
  fix: 'Make the contract team and the CODEOWNERS owners of its folder name the same team.',
  docs: {
    details:
      'Compared: ODCS 3.1 `team.name` and member usernames (ODCS 3.0: the list of members), ignoring case and a leading `@`; ' +
      '`sales-data` also matches the owner `@acme/sales-data`.',
    fail: {
      'contracts/sales/orders.odcs.yaml': `apiVersion: v3.1.0
kind: DataContract
id: sales-orders
name: orders
version: 1.0.0
status: active
domain: sales
description: { purpose: Every order placed in the web shop. }
team: { name: "@acme/finance-data" }
support: [{ channel: "#sales-data", tool: slack }]
schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
`,
    },
    pass: {
      'contracts/sales/orders.odcs.yaml': `apiVersion: v3.1.0
kind: DataContract
id: sales-orders
name: orders
version: 1.0.0
status: active
domain: sales
description: { purpose: Every order placed in the web shop. }
team: { name: "@acme/sales-data" }
support: [{ channel: "#sales-data", tool: slack }]
schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
`,
    },
  },
  check(ctx) {
    const codeowners = ctx.codeowners;
    if (!codeowners) return;
    for (const doc of [...ctx.mesh.domains.values(), ...ctx.mesh.contracts]) {
      const { names, describe } = teamIdentities(doc.data.team ?? (doc.kind === 'domain' ? doc.data.owner : undefined));
      if (names.length === 0) continue; // no team: policy/required-fields reports it
      const { owners } = ownersOf(codeowners, ctx.repoPath(doc));
      if (owners.length === 0) continue; // unowned: the ownership coverage rules report it
      if (names.some((n) => owners.some((o) => sameOwner(n, o)))) continue;
      ctx.report({
        doc,
        path: ['team'],
        message: `team ${describe} is not an owner of ${ctx.repoPath(doc)} in CODEOWNERS (owners: ${owners.join(' ')})`,
        fix: `set team to ${owners[0]}, or change CODEOWNERS if the team really owns this file`,
      });
    }
  },
};
