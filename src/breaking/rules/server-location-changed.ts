// A server now points elsewhere (host, database, schema, bucket, topic, type…).
import type { ContractRule } from '../rule.js';
import { changedKeys, serverPairs, SERVER_DOC_KEYS, SERVER_FORMAT_KEYS } from '../servers.js';
import { both } from '../rule-helpers.js';
import { show } from '../nodes.js';

export const rule: ContractRule = {
  id: 'breaking/server-location-changed',
  severity: 'breaking',
  scope: 'contract',
  summary: 'A server moved: its type or any connection attribute (host, port, account, database, schema, project, dataset, location, path, topic…) changed.',
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
    schema: CURATED_V2`,
    details: 'Consumers connect by these attributes; they read the old location (stale data) or fail.',
  },
  check(ctx, report) {
    if (!ctx.old || !ctx.new) return;
    for (const pair of serverPairs(ctx.old, ctx.new).pairs) {
      const keys = changedKeys(pair.old.value, pair.new.value, (k) => !SERVER_DOC_KEYS.includes(k) && !SERVER_FORMAT_KEYS.includes(k));
      if (keys.length === 0) continue;
      const detail = keys.map((k) => `${k} ${show(pair.old.value[k])} → ${show(pair.new.value[k])}`).join(', ');
      report(pair, `server ${both(pair.old.path, pair.new.path)} moved (${detail}): consumers connected to the old location read stale data or fail`);
    }
  },
};
