// Whatever path `mesh lint` takes for speed (one thread, worker threads, the lint cache filled or
// reused), its report is the one of the plain reference: load the whole mesh, run every rule on it.
// The input is a generated 1,000-contract mesh with problems of every layer injected (broken-mesh.mjs).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareFindings, type Finding } from '../../../src/finding.js';
import { lintMesh } from '../../../src/lint.js';
import { loadMesh } from '../../../src/load/load-mesh.js';
// @ts-expect-error: plain JavaScript generator shared with the benchmarks
import { generateMesh } from '../../../scripts/lib/mesh-generator.mjs';
// @ts-expect-error: plain JavaScript test helper
import { injectErrors } from './broken-mesh.mjs';

const repo = join(import.meta.dirname, '..', '..', '..');
let dir: string;

interface Report {
  files: number;
  findings: Finding[];
}

function lint(args: string[]): { code: number | null; stderr: string; stdout: string } {
  const r = spawnSync(process.execPath, [join(repo, 'bin', 'mesh.js'), 'lint', 'contracts', '--format', 'json', ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mesh-lint-findings-'));
  mkdirSync(join(dir, '.git'));
  const files = injectErrors(generateMesh({ contracts: 1000, seed: 11, policyDir: join(repo, 'contracts') })) as Map<string, string | Uint8Array | null>;
  for (const [rel, content] of files) {
    if (content === null) continue;
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mesh lint report on a large mesh with problems of every layer', () => {
  let single: ReturnType<typeof lint>;

  beforeAll(() => {
    single = lint(['--workers', '1']);
  });

  it('equals the reference: the whole mesh loaded, every rule run on it', async () => {
    expect(single.stderr).toBe('');
    expect(single.code).toBe(1);
    const report = JSON.parse(single.stdout) as Report;
    const { mesh, result } = await loadMesh(join(dir, 'contracts'), { root: dir, cwd: dir, workers: 1 });
    const reference = [...result.findings, ...lintMesh(mesh, { cwd: dir })].sort(compareFindings).map(({ file, line, column, rule, severity, message, fix }) => ({ file, line, column, rule, severity, message, ...(fix ? { fix } : {}) }));
    expect(report.findings).toEqual(reference);
    expect(report.files).toBe(result.files);
    // The injected problems are all there (a mesh that loads cleanly would prove nothing).
    const rules = new Set(report.findings.map((f) => f.rule));
    for (const rule of [
      'load/yaml-syntax', 'load/duplicate-key', 'load/alias-limit', 'load/forbidden-key', 'load/empty-file', 'load/not-a-mapping', 'load/too-deep', 'load/invalid-utf8',
      'ref/outside-repo', 'ref/not-found', 'odcs/schema', 'schema/unique-contract-id', 'schema/primary-key-required', 'quality/property-reference', 'sla/valid-unit',
      'sla/tier-required', 'policy/pii-minimum-classification', 'policy/required-fields', 'naming/property-name', 'ownership/team-matches-codeowners',
      'ownership/domain-covered', 'lineage/port-contract-exists',
    ]) {
      expect(rules).toContain(rule);
    }
    expect(report.findings.filter((f) => f.rule === 'naming/property-name').map((f) => f.severity)).toContain('error');
  });

  it('is the same on worker threads', () => {
    const parallel = lint(['--workers', '2']);
    expect(parallel.stderr).toBe('');
    expect(parallel.stdout).toBe(single.stdout);
  });

  it('is the same when the lint cache is filled and when it is reused', () => {
    const cacheDir = join(dir, '.cache-test');
    const fill = lint(['--cache', '--cache-location', cacheDir, '--workers', '2', '--stats']);
    expect(fill.stdout).toBe(single.stdout);
    expect(fill.stderr).toContain('cache updated');
    const warm = lint(['--cache', '--cache-location', cacheDir, '--stats']);
    expect(warm.stdout).toBe(single.stdout);
    expect(warm.stderr).toMatch(/ [1-9]\d* reused from the cache/);
  });
});
