// The team a contract names is the team GitHub asks for review: ODCS `team` and CODEOWNERS agree.
import { ownersOf } from '../../ownership/codeowners.js';
import type { MeshRule } from '../rule.js';
import { sameOwner, teamIdentities } from './owners.js';
import { salesOrdersOwnedBy } from '../example-mesh.js';

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
      'contracts/sales/orders.odcs.yaml': salesOrdersOwnedBy('"@acme/finance-data"'),
    },
    pass: {
      'contracts/sales/orders.odcs.yaml': salesOrdersOwnedBy('"@acme/sales-data"'),
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
