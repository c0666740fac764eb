// A file server changed its format (csv → parquet) or delimiter.
import type { ContractRule } from '../rule.js';
import { changedKeys, serverPairs, SERVER_FORMAT_KEYS } from '../servers.js';
import { both } from '../rule-helpers.js';
import { show } from '../nodes.js';

export const rule: ContractRule = {
  id: 'breaking/server-format-changed',
  severity: 'breaking',
  scope: 'contract',
  summary: 'The format or delimiter of a server changed (csv → parquet).',
  docs: {
    old: `servers:
  - server: lake
    type: s3
    location: s3://acme-lake/orders/
    format: csv`,
    new: `servers:
  - server: lake
    type: s3
    location: s3://acme-lake/orders/
    format: parquet`,
    details: 'Readers decode files by format: they fail on the new one.',
  },
  check(ctx, report) {
    if (!ctx.old || !ctx.new) return;
    for (const pair of serverPairs(ctx.old, ctx.new).pairs) {
      const keys = changedKeys(pair.old.value, pair.new.value, (k) => SERVER_FORMAT_KEYS.includes(k));
      if (keys.length === 0) continue;
      const detail = keys.map((k) => `${k} ${show(pair.old.value[k])} → ${show(pair.new.value[k])}`).join(', ');
      report(pair, `server ${both(pair.old.path, pair.new.path)} changed ${detail}: readers decoding the old format fail`);
    }
  },
};
