// The governance check of a pull request loads only the policy files and the files in the change's
// scope (src/pr/scoped-mesh.ts). Its findings must be those of the whole mesh filtered to the same
// scope: checked on a generated mesh for a contract-only change, a domain.yaml change, and a change
// that widens the scope to everything.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript generator shared with the benchmarks
import { generateMesh, mutateMesh } from '../../../scripts/lib/mesh-generator.mjs';
import { GOVERNANCE_RULE_PREFIXES } from '../../../actions/governance/src/main.js';
import { lintMesh } from '../../../src/lint.js';
import { loadMesh } from '../../../src/load/load-mesh.js';
import { inScope, lintScope } from '../../../src/pr/lint-scope.js';
import { loadScopedMesh } from '../../../src/pr/scoped-mesh.js';
import { RULES } from '../../../src/rules/registry.js';

let root: string;
let changed: string[];
const rules = RULES.map((r) => r.id).filter((id) => GOVERNANCE_RULE_PREFIXES.some((p) => id.startsWith(p)));

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'mesh-scoped-'));
  const files: Map<string, string> = generateMesh({ contracts: 200, seed: 7, policyDir: 'contracts' });
  const { files: mutated } = await mutateMesh(files, { count: 6, seed: 3 });
  // One changed contract also uses a classification outside the taxonomy, so governance has something to say.
  for (const [rel, text] of [...files, ...mutated]) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  changed = [...mutated.keys()];
  const first = changed[0];
  writeFileSync(join(root, first), (mutated.get(first) as string).replace(/classification: \w+/, 'classification: top-secret'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function both(changedFiles: string[]) {
  const scope = lintScope(changedFiles, 'contracts');
  const only = (f: { file: string }) => inScope(scope, f.file, 'contracts');
  const whole = await loadMesh('contracts', { root, cwd: root, workers: 1 });
  const scoped = await loadScopedMesh('contracts', scope, { root, cwd: root });
  return {
    scope,
    scoped,
    whole: lintMesh(whole.mesh, { rules, only, cwd: root }),
    partial: lintMesh(scoped.mesh, { rules, only, cwd: root }),
  };
}

describe('governance on the scope of a change', () => {
  it('a contract-only change: same findings as the whole mesh, from the policy files and the changed contracts only', async () => {
    const r = await both(changed);
    expect(r.scope.all).toBe(false);
    expect(r.partial).toEqual(r.whole);
    expect(r.whole.some((f) => f.rule === 'policy/classification-taxonomy')).toBe(true);
    expect(r.scoped.mesh.contracts.length).toBe(changed.length);
    expect(r.scoped.files).toBeLessThan(r.scoped.meshFiles / 2);
  });

  it('a domain.yaml change: every file of that domain is in scope, same findings', async () => {
    const domain = changed[0].split('/')[1];
    const r = await both([...changed, `contracts/${domain}/domain.yaml`]);
    expect(r.partial).toEqual(r.whole);
    expect(r.scoped.mesh.contracts.length).toBeGreaterThan(changed.length);
  });

  it('a mesh.yaml change widens the scope to the whole mesh', async () => {
    const r = await both([...changed, 'contracts/mesh.yaml']);
    expect(r.scope.all).toBe(true);
    expect(r.partial).toEqual(r.whole);
    expect(r.scoped.files).toBe(r.scoped.meshFiles);
  });
});
