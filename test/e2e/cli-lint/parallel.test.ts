// Large meshes load on worker threads. The findings must be exactly those of a single-threaded run,
// including load errors, $ref problems, positions and cross-contract rules.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript generator shared with the benchmarks
import { generateMesh } from '../../../scripts/lib/mesh-generator.mjs';

const repo = join(import.meta.dirname, '..', '..', '..');
let dir: string;

function lint(extra: string[]) {
  const r = spawnSync(process.execPath, [join(repo, 'bin', 'mesh.js'), 'lint', 'contracts', '--format', 'json', ...extra], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr, report: JSON.parse(r.stdout) as { files: number; findings: { file: string; rule: string; line: number }[] } };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mesh-parallel-'));
  const files = generateMesh({ contracts: 400, seed: 7, policyDir: join(repo, 'contracts') }) as Map<string, string>;
  for (const [rel, text] of files) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  // Problems of every layer: YAML syntax, duplicate key, bad $ref, duplicate contract id, policy.
  writeFileSync(join(dir, 'contracts/sales/broken.odcs.yaml'), 'apiVersion: v3.1.0\nkind: DataContract\nid: [oops\n');
  writeFileSync(join(dir, 'contracts/sales/dupkey.odcs.yaml'), 'apiVersion: v3.1.0\nkind: DataContract\nid: a\nid: b\n');
  writeFileSync(join(dir, 'contracts/finance/badref.odcs.yaml'), 'apiVersion: v3.1.0\nkind: DataContract\nid: finance-badref\nversion: 1.0.0\nstatus: active\nschema:\n  - $ref: ../../../outside.yaml\n');
  const first = [...files.keys()].find((k) => k.startsWith('contracts/customers/') && k.endsWith('.odcs.yaml'))!;
  writeFileSync(join(dir, 'contracts/customers/copy.odcs.yaml'), files.get(first)!);
  appendFileSync(join(dir, first), 'unknownTopLevelKey: 1\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mesh lint on worker threads', () => {
  it('reports exactly the findings of a single-threaded run', () => {
    const parallel = lint(['--workers', '2']);
    const single = lint(['--workers', '1']);
    expect(parallel.stderr).toBe('');
    expect(parallel.code).toBe(1);
    expect(parallel.report.files).toBe(single.report.files);
    expect(parallel.report.findings).toEqual(single.report.findings);
    const rules = new Set(parallel.report.findings.map((f) => f.rule));
    for (const rule of ['load/yaml-syntax', 'load/duplicate-key', 'ref/outside-repo', 'schema/unique-contract-id', 'odcs/schema']) expect(rules).toContain(rule);
  });
});
