// `mesh lint` splits lintMesh in two: per-contract checks (schema + contract-scope rules, cacheable
// and run on worker threads) and mesh-scope rules on the whole mesh. Together they must be lintMesh.
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareFindings } from '../../../src/finding.js';
import { lintMesh } from '../../../src/lint.js';
import { loadCheckedMesh } from '../../../src/load/checked-mesh.js';
import { CONTRACT_CHECK_IDS, MESH_RULE_IDS } from '../../../src/load/contract-checks.js';
import { loadMesh } from '../../../src/load/load-mesh.js';
import { RULES } from '../../../src/rules/registry.js';
// @ts-expect-error: plain JavaScript generator shared with the benchmarks
import { generateMesh } from '../../../scripts/lib/mesh-generator.mjs';

const repo = join(import.meta.dirname, '..', '..', '..');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mesh-split-'));
  for (const [rel, text] of generateMesh({ contracts: 40, seed: 5, policyDir: join(repo, 'contracts') }) as Map<string, string>) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  const bad = 'apiVersion: v3.1.0\nkind: DataContract\nid: sales-bad\nversion: one\nstatus: active\nunknownKey: 1\nschema:\n  - name: BadName\n    properties:\n      - name: email\n        tags: [gdpr]\n';
  writeFileSync(join(dir, 'contracts/sales/bad.odcs.yaml'), bad);
  writeFileSync(join(dir, 'contracts/finance/same-id.odcs.yaml'), bad);
  appendFileSync(join(dir, 'contracts/sales/domain.yaml'), 'policy:\n  rules:\n    naming/object-name: error\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function both(contracts: string, root: string) {
  const options = { root, cwd: root, workers: 1 };
  const { mesh } = await loadMesh(contracts, options);
  const whole = lintMesh(mesh, { cwd: root });
  const checked = await loadCheckedMesh(contracts, options);
  const split = [...checked.checks, ...lintMesh(checked.mesh, { cwd: root, rules: MESH_RULE_IDS })].sort(compareFindings);
  return { whole, split };
}

describe('per-contract checks + mesh-scope rules', () => {
  it('cover every rule exactly once', () => {
    const ids = [...CONTRACT_CHECK_IDS, ...MESH_RULE_IDS];
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) expect(ids).toContain(rule.id);
  });

  it('report what lintMesh reports on the example mesh', async () => {
    const { whole, split } = await both(join(repo, 'contracts'), repo);
    expect(split).toEqual(whole);
  });

  it('report what lintMesh reports on a mesh with schema, policy and domain-policy findings', async () => {
    const { whole, split } = await both(join(dir, 'contracts'), dir);
    expect(whole.length).toBeGreaterThan(3);
    // Schema, contract-scope policy rules at a domain-tightened level, and mesh-scope rules are all in play.
    expect(whole.map((f) => `${f.rule}:${f.severity}`)).toEqual(expect.arrayContaining(['odcs/schema:error', 'naming/object-name:error', 'naming/object-name:warning', 'schema/unique-contract-id:error']));
    expect(split).toEqual(whole);
  });
});
