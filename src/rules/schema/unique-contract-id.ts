// Two contracts with the same `id` make references (ODPS ports, lineage, SLO reports) ambiguous.
import type { LoadedDocument } from '../../model/document.js';
import type { MeshRule } from '../rule.js';
import { smallContract } from '../example-mesh.js';

export const rule: MeshRule = {
  id: 'schema/unique-contract-id',
  severity: 'error',
  scope: 'mesh',
  summary: 'Every contract `id` is unique across the mesh.',
  fix: 'Give one of the contracts a new id (ids are referenced by data products and SLO reports).',
  docs: {
    fail: {
      'contracts/sales/returns.odcs.yaml': smallContract({ id: 'sales-orders            # already used by contracts/sales/orders.odcs.yaml', name: 'returns', domain: 'sales', purpose: 'Every returned order.', team: '"@acme/sales-data"', channel: '#sales-data', key: 'return_id' }),
    },
    pass: {
      'contracts/sales/returns.odcs.yaml': smallContract({ id: 'sales-returns', name: 'returns', domain: 'sales', purpose: 'Every returned order.', team: '"@acme/sales-data"', channel: '#sales-data', key: 'return_id' }),
    },
  },
  check(ctx) {
    const byId = new Map<string, LoadedDocument[]>();
    for (const doc of ctx.mesh.contracts) {
      const id = doc.data.id;
      if (typeof id !== 'string' || id === '') continue;
      const list = byId.get(id) ?? [];
      list.push(doc);
      byId.set(id, list);
    }
    for (const [id, docs] of byId) {
      if (docs.length < 2) continue;
      for (const doc of docs) {
        const others = docs.filter((d) => d !== doc).map((d) => d.file);
        ctx.report({ doc, path: ['id'], message: `contract id "${id}" is also used by ${others.join(', ')}` });
      }
    }
  },
};
