// domain.yaml declares the domain it sits in: the right kind, its folder's name, an owning team and a
// tier the mesh defines.
import { suggest } from '../../odcs/schema-messages.js';
import { MESH_POLICY_API_VERSION } from '../../policy/mesh-policies.js';
import type { MeshRule } from '../rule.js';

/** Keys a domain.yaml may hold. */
export const DOMAIN_KEYS = ['apiVersion', 'kind', 'name', 'title', 'description', 'team', 'owner', 'tier', 'support', 'policy'];

export const rule: MeshRule = {
  id: 'domain/valid-declaration',
  severity: 'error',
  scope: 'mesh',
  summary: 'domain.yaml has `apiVersion: mesh/v1`, `kind: Domain`, a `name` equal to its folder, a `team`, and a `tier` defined in mesh.yaml.',
  fix: 'Correct domain.yaml (see docs/policy.md for its fields).',
  docs: {
    fail: {
      'contracts/sales/domain.yaml': `apiVersion: mesh/v1
kind: Domain
name: sale
description: Orders and their lines, from checkout to invoice.
team: "@acme/sales-data"
tier: 4
support: [{ channel: "#sales-data", tool: slack }]
`,
    },
    pass: {
      'contracts/sales/domain.yaml': `apiVersion: mesh/v1
kind: Domain
name: sales
description: Orders and their lines, from checkout to invoice.
team: "@acme/sales-data"
tier: 3
support: [{ channel: "#sales-data", tool: slack }]
`,
    },
  },
  check(ctx) {
    const tiers = [...ctx.policies.global.tiers.keys()];
    for (const [folder, doc] of ctx.mesh.domains) {
      const d = doc.data;
      const report = (path: (string | number)[], message: string, fix?: string) => ctx.report({ doc, path, message, ...(fix ? { fix } : {}) });
      if (d.apiVersion !== MESH_POLICY_API_VERSION) report(d.apiVersion === undefined ? [] : ['apiVersion'], `domain.yaml must declare apiVersion: ${MESH_POLICY_API_VERSION}`, `set apiVersion: ${MESH_POLICY_API_VERSION}`);
      if (d.kind !== 'Domain') report(d.kind === undefined ? [] : ['kind'], 'domain.yaml must declare kind: Domain', 'set kind: Domain');
      if (d.name !== folder) {
        report(d.name === undefined ? [] : ['name'], d.name === undefined ? `domain.yaml has no name; it must be "${folder}", its folder's name` : `domain name ${JSON.stringify(d.name)} differs from its folder "${folder}"`, `set name: ${folder}`);
      }
      const team = d.team ?? d.owner; // `owner`: older spelling
      if (typeof team !== 'string' || team.trim() === '') report(d.team === undefined ? [] : ['team'], 'domain.yaml must name its owning team (e.g. team: "@acme/sales-data")', 'add team: "@org/team", the owner of the folder in CODEOWNERS');
      if (d.tier !== undefined && tiers.length > 0 && !tiers.includes(String(d.tier))) {
        report(['tier'], `tier ${JSON.stringify(d.tier)} is not defined in mesh.yaml (tiers: ${tiers.join(', ')})`, 'use one of the tiers mesh.yaml defines');
      }
      for (const key of Object.keys(d)) {
        if (DOMAIN_KEYS.includes(key)) continue;
        const guess = suggest(key, DOMAIN_KEYS);
        report([key], `unknown domain.yaml key "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}`, `known keys: ${DOMAIN_KEYS.join(', ')}`);
      }
    }
  },
};
