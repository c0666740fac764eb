// No contract or data product without owners: a file can lose them even inside an owned folder
// (a later CODEOWNERS line wins), or sit outside every domain folder.
import { ownersOf } from '../../ownership/codeowners.js';
import type { MeshRule } from '../rule.js';

export const rule: MeshRule = {
  id: 'ownership/contract-owned',
  severity: 'error',
  scope: 'mesh',
  summary: 'Every contract and data product file has owners in CODEOWNERS.',
  fix: 'Give the file owners in CODEOWNERS (remember: the last matching line wins).',
  docs: {
    details: 'Files whose whole domain folder is unowned are left to ownership/domain-covered, to report the cause once.',
    fail: { CODEOWNERS: `/contracts/mesh.yaml @acme/platform
/contracts/sales/ @acme/sales-data
/contracts/sales/orders.odcs.yaml
` },
    pass: { CODEOWNERS: `/contracts/mesh.yaml @acme/platform
/contracts/sales/ @acme/sales-data
/contracts/sales/orders.odcs.yaml @acme/sales-data @acme/finance-data
` },
  },
  check(ctx) {
    const codeowners = ctx.codeowners;
    if (!codeowners) return; // ownership/domain-covered reports the missing file
    for (const doc of [...ctx.mesh.contracts, ...ctx.mesh.products]) {
      const path = ctx.repoPath(doc);
      const { owners, rule } = ownersOf(codeowners, path);
      if (owners.length > 0) continue;
      const domain = ctx.domainOf(doc);
      if (domain !== undefined) {
        const folder = path.split('/').slice(0, -1).join('/');
        const domainDoc = ctx.mesh.domains.get(domain);
        const folderOwners = ownersOf(codeowners, domainDoc ? ctx.repoPath(domainDoc) : `${folder}/domain.yaml`).owners;
        if (folderOwners.length === 0) continue;
      }
      ctx.report({
        doc,
        path: [],
        message: rule ? `${path} has no owners: CODEOWNERS line ${rule.line} (${rule.pattern}) matches it without owners` : `${path} is not covered by any CODEOWNERS rule`,
      });
    }
  },
};
