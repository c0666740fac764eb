// `mesh validate` as a user runs it: the built binary, real files, exit codes and output formats.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..', '..', '..');
const fixtures = join(repo, 'test', 'fixtures', 'odcs');

function mesh(args: string[], cwd = fixtures) {
  const r = spawnSync(process.execPath, [join(repo, 'bin', 'mesh.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('mesh validate', () => {
  it('exits 0 and says so when every contract conforms', () => {
    const r = mesh(['validate', 'valid']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('4 files checked: 0 errors, 0 warnings, 0 info\n');
  });

  it('exits 1 and prints human messages at file:line:col when a contract does not conform', () => {
    const r = mesh(['validate', 'invalid/typos.odcs.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('invalid/typos.odcs.yaml\n');
    expect(r.stdout).toContain('12:9  error   schema[0].properties[1]: unknown key "requried" (did you mean "required"?)  odcs/schema');
    expect(r.stdout).toContain('1 file checked: 3 errors, 0 warnings, 0 info');
  });

  it('prints the public JSON shape with --format json', () => {
    const r = mesh(['validate', 'valid', 'invalid/missing-status.odcs.yaml', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      files: 5,
      findings: [
        { file: 'invalid/missing-status.odcs.yaml', line: 1, column: 1, rule: 'odcs/schema', severity: 'error', message: 'missing required key "status"', fix: 'add "status"' },
      ],
    });
  });

  it('prints SARIF and GitHub workflow commands', () => {
    const sarif = mesh(['validate', 'invalid/unknown-api-version.odcs.yaml', '--format', 'sarif']);
    expect(sarif.code).toBe(1);
    expect(JSON.parse(sarif.stdout).runs[0].results[0].ruleId).toBe('odcs/api-version');
    const github = mesh(['validate', 'invalid/missing-status.odcs.yaml', '--format', 'github']);
    expect(github.stdout).toBe('::error file=invalid/missing-status.odcs.yaml,line=1,col=1,title=odcs/schema::missing required key "status" (fix: add "status")\n');
  });

  it('exits 2 on usage errors: unknown format, missing path, bad size, no paths', () => {
    expect(mesh(['validate', 'valid', '--format', 'xml'])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown format "xml"') });
    expect(mesh(['validate', 'does-not-exist.yaml'])).toMatchObject({ code: 2, stderr: expect.stringContaining('no such file or directory: does-not-exist.yaml') });
    expect(mesh(['validate', 'valid', '--max-file-size', 'big'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--max-file-size') });
    expect(mesh(['validate']).code).toBe(2);
  });

  it('documents every flag in --help', () => {
    const r = mesh(['validate', '--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--format', '--max-file-size', '--strict', 'text, json, sarif, github', 'Exit codes']) expect(r.stdout).toContain(flag);
  });

  describe('in a directory with other YAML files', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'mesh-validate-'));
      mkdirSync(join(dir, 'sales'));
      writeFileSync(join(dir, 'mesh.yaml'), 'classification: [public, internal]\n');
      writeFileSync(join(dir, 'sales', 'domain.yaml'), 'name: sales\n');
      writeFileSync(join(dir, 'sales', 'orders.odcs.yaml'), 'apiVersion: v3.1.0\nkind: DataContract\nid: orders\nversion: "1.0.0"\nstatus: active\n');
      writeFileSync(join(dir, 'sales', 'legacy.yaml'), 'apiVersion: v3.0.2\nkind: DataContract\nid: legacy\nversion: 1\nstatus: active\n');
      writeFileSync(join(dir, 'big.odcs.yaml'), `apiVersion: v3.1.0\nkind: DataContract\nid: big\nversion: "1"\nstatus: active\ndescription:\n  purpose: "${'x'.repeat(2000)}"\n`);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('checks contracts (by name or by kind: DataContract) and skips the other YAML files', () => {
      const r = mesh(['validate', '.', '--format', 'json'], dir);
      const out = JSON.parse(r.stdout);
      expect(out.files).toBe(3);
      expect(out.findings.map((f: { file: string; message: string }) => `${f.file}: ${f.message}`)).toEqual([
        'sales/legacy.yaml: version: expected string, got integer 1',
      ]);
      expect(r.code).toBe(1);
    });

    it('reports files over --max-file-size without reading them', () => {
      const r = mesh(['validate', 'big.odcs.yaml', '--max-file-size', '1000', '--format', 'json'], dir);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout).findings[0]).toMatchObject({ file: 'big.odcs.yaml', rule: 'load/file-too-large' });
    });

    it('warns about an explicitly given file that is not a contract, failing only with --strict', () => {
      expect(mesh(['validate', 'mesh.yaml'], dir).code).toBe(0);
      const strict = mesh(['validate', 'mesh.yaml', '--strict', '--format', 'json'], dir);
      expect(strict.code).toBe(1);
      expect(JSON.parse(strict.stdout).findings[0]).toMatchObject({ rule: 'odcs/not-a-contract', severity: 'warning' });
    });
  });
});

describe('mesh validate loader limits', () => {
  it('takes --max-aliases and --max-depth, and rejects malformed values with exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesh-limits-'));
    try {
      const bomb = join(dir, 'bomb.odcs.yaml');
      writeFileSync(bomb, 'a: &a [1, 1, 1, 1]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\nkind: DataContract\n');
      const strict = JSON.parse(mesh(['validate', bomb, '--max-aliases', '3', '--format', 'json']).stdout) as { findings: { rule: string }[] };
      expect(strict.findings.map((f) => f.rule)).toContain('load/alias-limit');
      const deep = join(dir, 'deep.odcs.yaml');
      writeFileSync(deep, `apiVersion: v3.1.0\nkind: DataContract\nx: ${'['.repeat(12)}${']'.repeat(12)}\n`);
      const depth = JSON.parse(mesh(['validate', deep, '--max-depth', '8', '--format', 'json']).stdout) as { findings: { rule: string }[] };
      expect(depth.findings.map((f) => f.rule)).toContain('load/too-deep');
      for (const flag of ['--max-depth', '--max-aliases', '--max-file-size']) {
        const r = mesh(['validate', bomb, flag, 'lots']);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(flag);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
