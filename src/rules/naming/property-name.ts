// Property names follow the mesh's convention (`naming.property`), at every nesting level.
import { allProperties } from '../contract-schema.js';
import { exampleContract } from '../example-mesh.js';
import type { ContractRule } from '../rule.js';
import { describeMiss, missedPatterns } from './naming-check.js';

export const rule: ContractRule = {
  id: 'naming/property-name',
  severity: 'warning',
  scope: 'contract',
  summary: 'Property names match `naming.property`.',
  fix: 'Rename the property to match the naming convention (keep the physical name in `physicalName`).',
  docs: {
    fail: exampleContract(`schema:
  - name: orders
    properties:
      - { name: orderId, logicalType: string, primaryKey: true, required: true }
`),
    pass: exampleContract(`schema:
  - name: orders
    properties:
      - { name: order_id, physicalName: orderId, logicalType: string, primaryKey: true, required: true }
`),
  },
  check(ctx) {
    const patterns = ctx.policy.naming.property;
    if (patterns.length === 0) return;
    for (const site of allProperties(ctx.contract)) {
      if (site.name === '') continue;
      const missed = missedPatterns(site.name, patterns);
      if (missed.length > 0) ctx.report({ path: [...site.path, 'name'], message: describeMiss('property name', site.name, missed) });
    }
  },
};
