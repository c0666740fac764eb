// Every domain folder has owners in CODEOWNERS, so a PR touching it asks the right team for review.
import { ownersOf } from '../../ownership/codeowners.js';
import type { MeshRule } from '../rule.js';
import { documentsByDomain } from './owners.js';

export const rule: MeshRule = {
  id: 'ownership/domain-covered',
  severity: 'error',
  scope: 'mesh',
  summary: 'Every domain folder is owned by a CODEOWNERS rule (and the repository has a CODEOWNERS file).',
  fix: 'Add a line `/contracts/<domain>/ @org/<team>` to CODEOWNERS.',
  docs: {
    details: 'The finding is reported on the domain\'s domain.yaml (or its first contract when there is none). GitHub semantics apply: the last matching pattern wins, and a pattern without owners un-owns.',
    fail: { CODEOWNERS: `/contracts/mesh.yaml @acme/platform
/contracts/finance/ @acme/finance-data
` },
    pass: { CODEOWNERS: `/contracts/mesh.yaml @acme/platform
/contracts/finance/ @acme/finance-data
/contracts/sales/ @acme/sales-data
` },
  },
  check(ctx) {
    for (const [domain, docs] of documentsByDomain(ctx)) {
      const anchor = docs[0];
      if (!ctx.codeowners) {
        ctx.report({ doc: anchor, path: [], message: `domain "${domain}" has no owners: the repository has no CODEOWNERS file (looked in .github/, the root and docs/)`, fix: 'Create CODEOWNERS with one line per domain folder, e.g. `/contracts/sales/ @acme/sales-data`.' });
        continue;
      }
      const folder = ctx.repoPath(anchor).split('/').slice(0, -1).join('/');
      const probe = ctx.mesh.domains.has(domain) ? ctx.repoPath(ctx.mesh.domains.get(domain)!) : `${folder}/domain.yaml`;
      const { owners, rule } = ownersOf(ctx.codeowners, probe);
      if (owners.length > 0) continue;
      ctx.report({
        doc: anchor,
        path: [],
        message: rule
          ? `domain folder ${folder}/ is un-owned by CODEOWNERS line ${rule.line} (${rule.pattern} without owners)`
          : `domain folder ${folder}/ is not covered by any CODEOWNERS rule`,
        fix: `add \`/${folder}/ @org/<team>\` to ${ctx.codeowners.file}`,
      });
    }
  },
};
