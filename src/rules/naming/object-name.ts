// Schema object names (tables, topics) follow the mesh's convention (`naming.object`).
import { schemaObjects } from '../contract-schema.js';
import { exampleContract } from '../example-mesh.js';
import type { ContractRule } from '../rule.js';
import { describeMiss, missedPatterns } from './naming-check.js';

export const rule: ContractRule = {
  id: 'naming/object-name',
  severity: 'warning',
  scope: 'contract',
  summary: 'Schema object names match `naming.object`.',
  fix: 'Rename the object to match the naming convention (keep the physical name in `physicalName`).',
  docs: {
    fail: exampleContract(`schema:
  - name: OrderLines
    properties:
      - { name: line_id, logicalType: string, primaryKey: true, required: true }
`),
    pass: exampleContract(`schema:
  - name: order_lines
    physicalName: OrderLines
    properties:
      - { name: line_id, logicalType: string, primaryKey: true, required: true }
`),
  },
  check(ctx) {
    const patterns = ctx.policy.naming.object;
    if (patterns.length === 0) return;
    for (const object of schemaObjects(ctx.contract)) {
      if (object.name === '') continue;
      const missed = missedPatterns(object.name, patterns);
      if (missed.length > 0) ctx.report({ path: [...object.path, 'name'], message: describeMiss('object name', object.name, missed) });
    }
  },
};
