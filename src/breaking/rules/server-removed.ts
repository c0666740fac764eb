// A server (where the data is served) was removed.
import type { ContractRule } from '../rule.js';
import { serverPairs } from '../servers.js';
import { q } from '../rule-helpers.js';

export const rule: ContractRule = {
  id: 'breaking/server-removed',
  severity: 'breaking',
  scope: 'contract',
  summary: 'A server was removed.',
  docs: {
    old: `servers:
  - server: snowflake-prod
    type: snowflake
    account: acme-eu1
    database: SALES
    schema: CURATED
  - server: bigquery-prod
    type: bigquery
    project: acme-sales
    dataset: curated`,
    new: `servers:
  - server: snowflake-prod
    type: snowflake
    account: acme-eu1
    database: SALES
    schema: CURATED`,
    details: 'Consumers connected to that server lose the data.',
  },
  check(ctx, report) {
    if (!ctx.old || !ctx.new) return;
    for (const gone of serverPairs(ctx.old, ctx.new).removed) report({ old: gone }, `server ${q(gone.path)} was removed: consumers reading from it lose the data`);
  },
};
