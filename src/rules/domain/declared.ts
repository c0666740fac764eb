// A domain folder without domain.yaml has no declared team, tier or local policy.
import type { MeshRule } from '../rule.js';
import { documentsByDomain } from '../ownership/owners.js';
import { smallContract } from '../example-mesh.js';

export const rule: MeshRule = {
  id: 'domain/declared',
  severity: 'warning',
  scope: 'mesh',
  summary: 'Every domain folder holding contracts has a domain.yaml.',
  fix: 'Add contracts/<domain>/domain.yaml (apiVersion: mesh/v1, kind: Domain, name, team, tier).',
  docs: {
    fail: {
      'contracts/finance/invoices.odcs.yaml': smallContract({ id: 'finance-invoices', name: 'invoices', domain: 'finance', purpose: 'Every invoice sent.', team: '"@acme/sales-data"', channel: '#finance-data', key: 'invoice_id' }),
      CODEOWNERS: `/contracts/mesh.yaml @acme/platform
/contracts/sales/ @acme/sales-data
/contracts/finance/ @acme/sales-data
`,
    },
    pass: {
      'contracts/finance/invoices.odcs.yaml': smallContract({ id: 'finance-invoices', name: 'invoices', domain: 'finance', purpose: 'Every invoice sent.', team: '"@acme/sales-data"', channel: '#finance-data', key: 'invoice_id' }),
      'contracts/finance/domain.yaml': `apiVersion: mesh/v1
kind: Domain
name: finance
description: Invoices and payments.
team: "@acme/sales-data"
tier: 3
`,
      CODEOWNERS: `/contracts/mesh.yaml @acme/platform
/contracts/sales/ @acme/sales-data
/contracts/finance/ @acme/sales-data
`,
    },
  },
  check(ctx) {
    for (const [domain, docs] of documentsByDomain(ctx)) {
      if (ctx.mesh.domains.has(domain)) continue;
      ctx.report({ doc: docs[0], path: [], message: `domain folder "${domain}" has no domain.yaml` });
    }
  },
};
