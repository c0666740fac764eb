// `mesh lint` and `mesh rules` as a user runs them: the built binary, real meshes, exit codes, formats.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..', '..', '..');
const broken = 'test/fixtures/rules/broken-mesh';
const warningsOnly = 'test/fixtures/rules/warnings-only';

function mesh(args: string[], cwd = repo) {
  const r = spawnSync(process.execPath, [join(repo, 'bin', 'mesh.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'mesh-lint-e2e-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('mesh lint', () => {
  it('finds no errors in the example mesh and exits 0', () => {
    const r = mesh(['lint']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+ files checked: 0 errors, \d+ warnings?, \d+ info\n$/);
  });

  it('reports semantic, governance, ownership, lineage and $ref problems of a broken mesh, and exits 1', () => {
    const r = mesh(['lint', '--root', broken, `${broken}/contracts`, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { files: number; findings: { file: string; rule: string; severity: string; line: number; column: number }[] };
    expect(report.files).toBe(6);
    const byRule = report.findings.map((f) => `${f.file.replace(`${broken}/contracts/`, '')} ${f.rule} ${f.severity}`);
    expect(byRule).toEqual([
      'finance/invoices.odcs.yaml domain/declared warning',
      'finance/invoices.odcs.yaml ownership/team-matches-codeowners error',
      'finance/invoices.odcs.yaml policy/pii-retention error',
      'finance/invoices.odcs.yaml policy/pii-minimum-classification error',
      'finance/revenue.odps.yaml lineage/port-contract-exists error',
      'sales/orders.odcs.yaml schema/unique-contract-id error',
      'sales/orders.odcs.yaml sla/tier-floor error',
      'sales/orders.odcs.yaml ref/not-found error',
      'sales/returns.odcs.yaml schema/unique-contract-id error',
      'sales/returns.odcs.yaml naming/property-name warning',
    ]);
    for (const f of report.findings) expect(Object.keys(f).sort()).toEqual(['column', 'file', 'fix', 'line', 'message', 'rule', 'severity']);
  });

  it('prints findings grouped by file with position, rule, fix and a summary line', () => {
    const r = mesh(['lint', '--root', broken, `${broken}/contracts/sales/returns.odcs.yaml`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `${broken}/contracts/sales/returns.odcs.yaml\n` +
        `  3:1  error   contract id "sales-orders" is also used by ${broken}/contracts/sales/orders.odcs.yaml  schema/unique-contract-id\n` +
        '       fix: Give one of the contracts a new id (ids are referenced by data products and SLO reports).\n' +
        '  17:11  warning property name "returnId" does not match /^[a-z][a-z0-9_]*$/ (mesh.yaml)  naming/property-name\n' +
        '         fix: Rename the property to match the naming convention (keep the physical name in `physicalName`).\n' +
        '\n1 file checked: 1 error, 1 warning, 0 info\n',
    );
  });

  it('finds the contracts directory from the paths given (the nearest mesh.yaml above them)', () => {
    const r = mesh(['lint', '--root', broken, `${broken}/contracts/finance`, '--format', 'json']);
    const files = new Set((JSON.parse(r.stdout).findings as { file: string }[]).map((f) => f.file));
    expect([...files].sort()).toEqual([`${broken}/contracts/finance/invoices.odcs.yaml`, `${broken}/contracts/finance/revenue.odps.yaml`]);
  });

  it('writes GitHub workflow commands and SARIF 2.1.0', () => {
    const github = mesh(['lint', '--root', broken, `${broken}/contracts/finance/revenue.odps.yaml`, '--format', 'github']);
    expect(github.stdout).toBe(
      `::error file=${broken}/contracts/finance/revenue.odps.yaml,line=8,col=37,title=lineage/port-contract-exists::input port "orders" refers to contract "sales-order", which is not in the mesh (did you mean "sales-orders"?) (fix: write "sales-orders")\n`,
    );
    const sarif = JSON.parse(mesh(['lint', '--root', broken, `${broken}/contracts`, '--format', 'sarif']).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.length).toBe(10);
  });

  it('exits 0 on warnings alone, 1 with --strict', () => {
    const args = ['lint', '--root', warningsOnly, `${warningsOnly}/contracts`];
    expect(mesh(args).code).toBe(0);
    expect(mesh([...args, '--strict']).code).toBe(1);
  });

  it('runs only the rules given with --rule', () => {
    const r = mesh(['lint', '--root', broken, `${broken}/contracts`, '--rule', 'sla/tier-floor', '--format', 'json']);
    expect((JSON.parse(r.stdout).findings as { rule: string }[]).map((f) => f.rule).filter((id) => !id.startsWith('ref/'))).toEqual(['sla/tier-floor']);
  });

  it('catches a change that breaks the policy in a copy of the example mesh', () => {
    const dir = join(tmp, 'example');
    mkdirSync(join(dir, '.git'), { recursive: true });
    cpSync(join(repo, 'contracts'), join(dir, 'contracts'), { recursive: true });
    cpSync(join(repo, 'CODEOWNERS'), join(dir, 'CODEOWNERS'));
    const clean = mesh(['lint'], dir);
    expect(clean.code).toBe(0);
    // finance/domain.yaml raises the tier-1 availability floor to 99.9: 99.6 is fine for mesh.yaml, not for finance.
    const file = join(dir, 'contracts', 'finance', 'invoices.odcs.yaml');
    const text = readFileSync(file, 'utf8');
    const changed = text.replace(/(property: availability\s*\n\s*value: )[\d.]+/, '$199.6');
    expect(changed).not.toBe(text);
    writeFileSync(file, changed);
    const r = mesh(['lint', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout).findings as { file: string; rule: string; message: string }[];
    expect(findings.map((f) => `${f.file} ${f.rule}`)).toEqual(['contracts/finance/invoices.odcs.yaml sla/tier-floor']);
    expect(findings[0].message).toContain('at least 99.9');
  });

  it('exits 2 on usage errors', () => {
    expect(mesh(['lint', '--format', 'xml']).code).toBe(2);
    const missing = mesh(['lint', 'no/such/dir']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file or directory: no/such/dir');
    const noContracts = mesh(['lint'], tmp);
    expect(noContracts.code).toBe(2);
    expect(noContracts.stderr).toContain('no contracts directory at contracts: pass --contracts <dir>');
    const rule = mesh(['lint', '--rule', 'sla/nope']);
    expect(rule.code).toBe(2);
    expect(rule.stderr).toContain('unknown rule sla/nope');
  });

  it('documents every flag in --help', () => {
    const help = mesh(['lint', '--help']).stdout;
    for (const flag of ['--contracts', '--root', '--format', '--strict', '--rule', '--max-file-size']) expect(help).toContain(flag);
    expect(help).toContain('Exit codes: 0 no errors, 1 errors found');
  });
});

describe('mesh rules', () => {
  it('lists every rule as JSON, and as the Markdown of docs/rules.md', () => {
    const json = JSON.parse(mesh(['rules', '--format', 'json']).stdout) as { rules: { id: string; severity: string; fix: string }[] };
    expect(json.rules.map((r) => r.id)).toContain('policy/pii-tag-required');
    for (const r of json.rules) expect(r.fix).toMatch(/\S/);
    expect(mesh(['rules', '--format', 'markdown']).stdout).toBe(readFileSync(join(repo, 'docs', 'rules.md'), 'utf8'));
  });

  it('prints a readable table by default', () => {
    const r = mesh(['rules']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^sla\/tier-floor\s+error\s+SLOs are at least as strong/m);
  });
});

describe('mesh lint inside a contracts directory', () => {
  it('finds the mesh from the current directory and reports the given file', () => {
    const r = mesh(['lint', 'orders.odcs.yaml', '--format', 'json'], join(repo, 'contracts', 'sales'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ files: 1, findings: [] });
  });
});
