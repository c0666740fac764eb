// Team names follow the mesh's convention (`naming.team`), e.g. GitHub teams of one organisation.
import { teamIdentities } from '../ownership/owners.js';
import type { ContractRule } from '../rule.js';
import { describeMiss, missedPatterns } from './naming-check.js';
import { salesOrdersOwnedBy } from '../example-mesh.js';

const MESH_WITH_TEAM_PATTERN = `apiVersion: mesh/v1
kind: MeshPolicy
requiredFields: [description, team, support]
naming:
  team: "^@acme/[a-z0-9-]+$"
`;

export const rule: ContractRule = {
  id: 'naming/team-name',
  severity: 'warning',
  scope: 'contract',
  summary: 'The contract `team.name` matches `naming.team`.',
  fix: 'Use the GitHub team that owns the contract, spelled as the naming convention says.',
  docs: {
    fail: {
      'contracts/mesh.yaml': MESH_WITH_TEAM_PATTERN,
      CODEOWNERS: `/contracts/sales/ @acme/sales-data sales-data@acme.example
`,
      'contracts/sales/orders.odcs.yaml': salesOrdersOwnedBy('sales-data@acme.example'),
    },
    pass: {
      'contracts/mesh.yaml': MESH_WITH_TEAM_PATTERN,
      CODEOWNERS: `/contracts/sales/ @acme/sales-data sales-data@acme.example
`,
      'contracts/sales/orders.odcs.yaml': salesOrdersOwnedBy('"@acme/sales-data"'),
    },
  },
  check(ctx) {
    const patterns = ctx.policy.naming.team;
    const team = ctx.contract.team;
    if (patterns.length === 0 || typeof team !== 'object' || team === null || Array.isArray(team)) return;
    const name = teamIdentities(team).names[0];
    if (name === undefined || typeof (team as { name?: unknown }).name !== 'string') return;
    const missed = missedPatterns(name, patterns);
    if (missed.length > 0) ctx.report({ path: ['team', 'name'], message: describeMiss('team name', name, missed) });
  },
};
