// ODPS ports name the contracts they read and publish; a dangling id breaks lineage.
import { suggest } from '../../odcs/schema-messages.js';
import { isMapping } from '../contract-schema.js';
import type { MeshRule } from '../rule.js';

export const rule: MeshRule = {
  id: 'lineage/port-contract-exists',
  severity: 'error',
  scope: 'mesh',
  summary: "Data product ports (`inputPorts`, `outputPorts`, their `inputContracts`) reference contract ids that exist in the mesh.",
  fix: 'Use the `id` of an existing contract (see `mesh lint` output or the site for the list).',
  docs: {
    fail: {
      'contracts/sales/order-insights.odps.yaml': `apiVersion: v1.0.0
kind: DataProduct
id: sales-order-insights
name: Order insights
status: active
domain: sales
inputPorts:
  - { name: orders, version: 1.0.0, contractId: sales-order }
outputPorts:
  - { name: insights, version: 1.0.0, contractId: sales-orders }
`,
    },
    pass: {
      'contracts/sales/order-insights.odps.yaml': `apiVersion: v1.0.0
kind: DataProduct
id: sales-order-insights
name: Order insights
status: active
domain: sales
inputPorts:
  - { name: orders, version: 1.0.0, contractId: sales-orders }
outputPorts:
  - { name: insights, version: 1.0.0, contractId: sales-orders }
`,
    },
  },
  check(ctx) {
    const ids = ctx.mesh.contracts.flatMap((c) => (typeof c.data.id === 'string' ? [c.data.id] : []));
    const known = new Set(ids);
    for (const doc of ctx.mesh.products) {
      const check = (id: unknown, path: (string | number)[], what: string) => {
        if (typeof id !== 'string' || known.has(id)) return;
        const guess = suggest(id, ids);
        ctx.report({ doc, path, message: `${what} refers to contract "${id}", which is not in the mesh${guess ? ` (did you mean "${guess}"?)` : ''}`, ...(guess ? { fix: `write "${guess}"` } : {}) });
      };
      for (const key of ['inputPorts', 'outputPorts'] as const) {
        const ports = doc.data[key];
        if (!Array.isArray(ports)) continue;
        ports.forEach((port, i) => {
          if (!isMapping(port)) return;
          const label = `${key === 'inputPorts' ? 'input' : 'output'} port ${typeof port.name === 'string' ? `"${port.name}"` : i}`;
          check(port.contractId, [key, i, 'contractId'], label);
          if (Array.isArray(port.inputContracts)) {
            port.inputContracts.forEach((c, j) => {
              if (isMapping(c)) check(c.id, [key, i, 'inputContracts', j, 'id'], `${label} input contract`);
            });
          }
        });
      }
    }
  },
};
