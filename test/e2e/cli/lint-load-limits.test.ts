// `mesh lint` takes the loader's safety limits as `mesh validate` does (--max-file-size, --max-depth,
// --max-aliases), on the main thread and on worker threads alike.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript generator shared with the benchmarks
import { generateMesh } from '../../../scripts/lib/mesh-generator.mjs';

const repo = join(import.meta.dirname, '..', '..', '..');
let dir: string;

interface Report {
  files: number;
  findings: { file: string; rule: string; line: number; column: number; message: string }[];
}

function lint(args: string[]) {
  const r = spawnSync(process.execPath, [join(repo, 'bin', 'mesh.js'), 'lint', 'contracts', '--format', 'json', ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout, report: () => JSON.parse(r.stdout) as Report };
}

const byRule = (report: Report, rule: string) => report.findings.filter((f) => f.rule === rule).map((f) => f.file);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mesh-lint-limits-'));
  // 120 contracts: enough for `--workers 2` to start a worker thread.
  for (const [rel, text] of generateMesh({ contracts: 120, seed: 3, policyDir: join(repo, 'contracts') }) as Map<string, string>) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  // Generated contracts nest at most 10 levels deep and are under 100 KB; these go past both.
  const head = 'apiVersion: v3.1.0\nkind: DataContract\nstatus: active\nversion: 1.0.0\n';
  writeFileSync(join(dir, 'contracts/sales/deep.odcs.yaml'), `${head}id: sales-deep\ncustomProperties:\n  - property: nested\n    value: { a: { b: { c: { d: { e: { f: { g: { h: { i: { j: { k: { l: 1 } } } } } } } } } } } }\n`);
  writeFileSync(join(dir, 'contracts/sales/aliases.odcs.yaml'), `${head}id: sales-aliases\ntags: &t [a, b]\nx-copies: [*t, *t, *t, *t, *t, *t, *t, *t]\n`);
  writeFileSync(join(dir, 'contracts/sales/big.odcs.yaml'), `${head}id: sales-big\ndescription:\n  purpose: "${'x'.repeat(150_000)}"\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mesh lint load limits', () => {
  it('lists --max-file-size, --max-depth and --max-aliases in --help', () => {
    const help = spawnSync(process.execPath, [join(repo, 'bin', 'mesh.js'), 'lint', '--help'], { encoding: 'utf8' }).stdout;
    for (const flag of ['--max-file-size <bytes>', '--max-depth <levels>', '--max-aliases <count>']) expect(help).toContain(flag);
  });

  it('accepts the three files under the default limits', () => {
    const report = lint([]).report();
    for (const rule of ['load/too-deep', 'load/alias-limit', 'load/file-too-large']) expect(byRule(report, rule)).toEqual([]);
  });

  it.each(['1', '2'])('reports each limit a file exceeds, with --workers %s', (workers) => {
    const r = lint(['--workers', workers, '--max-depth', '12', '--max-aliases', '5', '--max-file-size', '100000']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = r.report();
    expect(byRule(report, 'load/too-deep')).toEqual(['contracts/sales/deep.odcs.yaml']);
    expect(byRule(report, 'load/alias-limit')).toEqual(['contracts/sales/aliases.odcs.yaml']);
    expect(byRule(report, 'load/file-too-large')).toEqual(['contracts/sales/big.odcs.yaml']);
    expect(report.findings.find((f) => f.rule === 'load/too-deep')!.message).toContain('deeper than 12 levels');
  });

  it.each([
    ['--max-depth', '0', '--max-depth must be a positive number of levels, got "0"'],
    ['--max-aliases', 'many', '--max-aliases must be a positive count, got "many"'],
    ['--max-file-size', '1.5', '--max-file-size must be a positive number of bytes, got "1.5"'],
  ])('exits 2 on %s %s', (flag, value, message) => {
    const r = lint([flag, value]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });
});
