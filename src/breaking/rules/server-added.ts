// A new server: the data may now be served (or moved) somewhere else.
import type { ContractRule } from '../rule.js';
import { serverPairs } from '../servers.js';
import { q } from '../rule-helpers.js';

export const rule: ContractRule = {
  id: 'breaking/server-added',
  severity: 'dangerous',
  scope: 'contract',
  summary: 'A server was added.',
  docs: {
    old: `servers:
  - server: snowflake-prod
    type: snowflake
    account: acme-eu1
    database: SALES
    schema: CURATED`,
    new: `servers:
  - server: snowflake-prod
    type: snowflake
    account: acme-eu1
    database: SALES
    schema: CURATED
  - server: bigquery-prod
    type: bigquery
    project: acme-sales
    dataset: curated`,
    details: 'Often the first step of a move: consumers should know which server is authoritative.',
  },
  check(ctx, report) {
    if (!ctx.old || !ctx.new) return;
    for (const added of serverPairs(ctx.old, ctx.new).added) report({ new: added }, `server ${q(added.path)} was added: check which server consumers should read from`);
  },
};
