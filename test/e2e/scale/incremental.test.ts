// The lint cache (`mesh lint --cache`) must never change what lint reports: after any edit, a run
// that reuses the cache for unchanged files gives exactly the findings of a cold full run. Edits
// cover every input a cached result depends on (the file, its $ref targets, mesh.yaml, domain.yaml)
// and the cross-contract rules that always run on the whole mesh (ids, lineage, CODEOWNERS).
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript generator shared with the benchmarks
import { generateMesh, mutateMesh } from '../../../scripts/lib/mesh-generator.mjs';

const repo = join(import.meta.dirname, '..', '..', '..');
let dir: string;
let files: Map<string, string>;

interface Report {
  files: number;
  findings: { file: string; line: number; column: number; rule: string; severity: string; message: string }[];
}

function lint(extra: string[]): { report: Report; stderr: string; code: number | null } {
  const r = spawnSync(process.execPath, [join(repo, 'bin', 'mesh.js'), 'lint', 'contracts', '--root', '.', '--format', 'json', ...extra], { cwd: dir, encoding: 'utf8' });
  return { report: JSON.parse(r.stdout) as Report, stderr: r.stderr, code: r.status };
}

/** Cached run (on 2 threads) and cold run (no cache, one thread): same report; returns the cache stats line. */
function expectSameAsCold(): string {
  const cached = lint(['--cache', '--workers', '2', '--stats']);
  const cold = lint(['--workers', '1']);
  expect(cached.report).toEqual(cold.report);
  expect(cached.code).toBe(cold.code);
  return cached.stderr;
}

const reused = (stats: string) => Number(/(\d+) reused/.exec(stats)?.[1]);
const write = (rel: string, text: string) => writeFileSync(join(dir, rel), text);
const read = (rel: string) => readFileSync(join(dir, rel), 'utf8');
const contractsIn = (domain: string) => [...files.keys()].filter((k) => k.startsWith(`contracts/${domain}/`) && k.endsWith('.odcs.yaml')).sort();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mesh-incremental-'));
  files = generateMesh({ contracts: 300, seed: 11, policyDir: join(repo, 'contracts') }) as Map<string, string>;
  for (const [rel, text] of files) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  // Findings of several layers from the start: YAML syntax, duplicate key, schema, naming.
  write('contracts/sales/broken.odcs.yaml', 'apiVersion: v3.1.0\nkind: DataContract\nid: [oops\n');
  write('contracts/sales/dupkey.odcs.yaml', 'apiVersion: v3.1.0\nkind: DataContract\nid: a\nid: b\n');
  appendFileSync(join(dir, contractsIn('customers')[0]), 'unknownTopLevelKey: 1\n');
  write(contractsIn('sales')[0], read(contractsIn('sales')[0]).replace(/name: (amount|currency|status|country|channel)_(\d+)/, 'name: Bad$1$2'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mesh lint --cache', () => {
  it('gives the findings of a cold run when the cache is empty, full, and reused', () => {
    const first = expectSameAsCold();
    expect(reused(first)).toBe(0);
    const second = expectSameAsCold();
    expect(reused(second)).toBe(lint(['--workers', '1']).report.files);
    expect(lint([]).report.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['load/yaml-syntax', 'load/duplicate-key', 'odcs/schema', 'naming/property-name']));
  });

  it('re-checks only the contracts a pull request changed, and agrees with a full run', async () => {
    expectSameAsCold();
    const { files: changed } = (await mutateMesh(files, { count: 10, seed: 3 })) as { files: Map<string, string> };
    for (const [rel, text] of changed) write(rel, text);
    const stats = expectSameAsCold();
    expect(reused(stats)).toBe(lint([]).report.files - changed.size);
  });

  it('sees a duplicate id introduced by one changed contract (cross-contract rule)', () => {
    const [a, b] = contractsIn('finance');
    const idOfA = /^id: (.*)$/m.exec(read(a))![1];
    write(b, read(b).replace(/^id: .*$/m, `id: ${idOfA}`));
    expectSameAsCold();
    expect(lint([]).report.findings.some((f) => f.rule === 'schema/unique-contract-id')).toBe(true);
  });

  it('sees a deleted contract that an ODPS input port still references (lineage)', () => {
    const product = [...files.keys()].find((k) => k.endsWith('.odps.yaml'))!;
    const inputId = /contractId: (.*)/.exec(read(product))![1];
    const target = [...files.keys()].find((k) => k.endsWith('.odcs.yaml') && files.get(k)!.includes(`\nid: ${inputId}\n`))!;
    unlinkSync(join(dir, target));
    expectSameAsCold();
    expect(lint([]).report.findings.some((f) => f.rule === 'lineage/port-contract-exists')).toBe(true);
  });

  it('re-checks every contract that uses a $ref fragment when the fragment changes', () => {
    write('contracts/_shared/audit-columns.yaml', read('contracts/_shared/audit-columns.yaml').replace('name: created_at', 'name: CreatedAt'));
    const stats = expectSameAsCold();
    expect(reused(stats)).toBeLessThan(lint([]).report.files);
    expect(lint([]).report.findings.some((f) => f.rule === 'naming/property-name' && f.message.includes('CreatedAt'))).toBe(true);
  });

  it('re-checks a domain when its domain.yaml tightens a rule, and every contract when mesh.yaml changes', () => {
    appendFileSync(join(dir, 'contracts/sales/domain.yaml'), 'policy:\n  rules:\n    naming/property-name: error\n');
    expectSameAsCold();
    expect(lint([]).report.findings.some((f) => f.rule === 'naming/property-name' && f.severity === 'error')).toBe(true);
    write('contracts/mesh.yaml', read('contracts/mesh.yaml').replace('naming/property-name: warning', 'naming/property-name: off'));
    const stats = expectSameAsCold();
    expect(reused(stats)).toBeLessThan(contractsIn('finance').length * 4);
  });

  it('follows CODEOWNERS changes (ownership rules run on the whole mesh every time)', () => {
    write('CODEOWNERS', read('CODEOWNERS').replace('/contracts/finance/ @acme/finance-data', '/contracts/finance/ @acme/someone-else'));
    expectSameAsCold();
    expect(lint([]).report.findings.some((f) => f.rule.startsWith('ownership/'))).toBe(true);
  });

  it('ignores a corrupt cache file and replaces it', () => {
    const cacheDir = join(dir, '.mesh-cache');
    for (const name of ['lint-x.json']) writeFileSync(join(cacheDir, name), '{');
    const { stderr } = spawnSync('sh', ['-c', `for f in ${cacheDir}/lint-*.json; do printf '{"format":1,' > "$f"; done`], { encoding: 'utf8' });
    expect(stderr).toBe('');
    const stats = expectSameAsCold();
    expect(reused(stats)).toBe(0);
  });
});
