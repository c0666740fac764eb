// The owner workflow through the built binary: scaffold a domain and a contract in a copy of the
// example mesh, import sources, and check files, exit codes and messages a user sees.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin/mesh.js');
let work: string;

function mesh(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(path.join(ROOT, 'dist/cli.js'))) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
  work = mkdtempSync(path.join(tmpdir(), 'mesh-owner-'));
  cpSync(path.join(ROOT, 'contracts'), path.join(work, 'contracts'), { recursive: true });
  cpSync(path.join(ROOT, 'CODEOWNERS'), path.join(work, 'CODEOWNERS'));
  spawnSync('git', ['init', '-q', work]);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('mesh new', () => {
  it('creates a domain and its CODEOWNERS line, then refuses to overwrite it', () => {
    const r = mesh('new', 'domain', 'payments', '--team', '@acme/payments-data', '--tier', '2', '--channel', '#payments-data');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/wrote contracts\/payments\/domain\.yaml/);
    const text = readFileSync(path.join(work, 'contracts/payments/domain.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/domain.schema.json');
    expect(parse(text)).toMatchObject({ kind: 'Domain', name: 'payments', team: '@acme/payments-data', tier: 2 });
    expect(readFileSync(path.join(work, 'CODEOWNERS'), 'utf8')).toMatch(/^\/contracts\/payments\/\s+@acme\/payments-data$/m);

    const again = mesh('new', 'domain', 'payments', '--team', '@acme/payments-data', '--tier', '2');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists: pass --force/);
  });

  it('creates a contract skeleton with the team, support and tier SLA placeholders of its domain', () => {
    const r = mesh('new', 'contract', 'payments/card_payments');
    expect(r.code).toBe(0);
    const contract = parse(readFileSync(path.join(work, 'contracts/payments/card_payments.odcs.yaml'), 'utf8'));
    expect(contract).toMatchObject({ apiVersion: 'v3.1.0', id: 'payments-card-payments', name: 'card_payments', team: { name: '@acme/payments-data' } });
    expect(contract.slaProperties.every((s: { value: unknown }) => s.value === 'TODO')).toBe(true);
    expect(mesh('validate', 'contracts/payments/card_payments.odcs.yaml').code).toBe(0);
    // Lints clean (exit 0), with one placeholder warning per SLA value until the owner fills it in.
    const lint = mesh('lint', 'contracts', '--format', 'json');
    expect(lint.code).toBe(0);
    const findings = (JSON.parse(lint.stdout) as { findings: { file: string; rule: string; severity: string }[] }).findings.filter((f) => f.file.endsWith('card_payments.odcs.yaml'));
    expect(findings.length).toBe(contract.slaProperties.length);
    expect(findings.every((f) => f.rule === 'sla/placeholder-value' && f.severity === 'warning')).toBe(true);
  });

  it('starts a contract schema from an existing source with --from', () => {
    const r = mesh('new', 'contract', 'payments/payment_events', '--from', path.join(ROOT, 'test/fixtures/import/sources/payment.avsc'));
    expect(r.code).toBe(0);
    const contract = parse(readFileSync(path.join(work, 'contracts/payments/payment_events.odcs.yaml'), 'utf8'));
    expect(contract.schema[0]).toMatchObject({ name: 'payment', physicalName: 'Payment' });
    expect(contract.schema[0].properties.map((p: { name: string }) => p.name)).toContain('payment_id');
  });

  it('explains what is missing when it cannot prompt', () => {
    const r = mesh('new', 'domain', 'zed');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing --team/);
    expect(mesh('new', 'contract', 'nowhere/thing').stderr).toMatch(/domain "nowhere" has no contracts\/nowhere\/domain\.yaml: create it first/);
  });

  it('creates a data product wired to the domain contracts', () => {
    const r = mesh('new', 'product', 'payments/payment_insights', '--input', 'sales-orders');
    expect(r.code).toBe(0);
    const product = parse(readFileSync(path.join(work, 'contracts/payments/payment_insights.odps.yaml'), 'utf8'));
    expect(product.inputPorts).toEqual([{ name: 'in_1', version: '1.0.0', contractId: 'sales-orders' }]);
    expect(product.outputPorts.map((p: { contractId: string }) => p.contractId)).toEqual(['payments-card-payments', 'payments-payment-events']);
  });
});

describe('mesh import', () => {
  it('writes the imported contract into the domain with its team and support, and prints notes', () => {
    const r = mesh('import', path.join(ROOT, 'test/fixtures/import/sources/shipments.sql'), '--domain', 'payments', '--out', 'contracts/payments/shipments.odcs.yaml');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/note: .*DEFAULT value cannot be expressed/);
    const contract = parse(readFileSync(path.join(work, 'contracts/payments/shipments.odcs.yaml'), 'utf8'));
    expect(contract).toMatchObject({ domain: 'payments', team: { name: '@acme/payments-data' } });
    expect(mesh('validate', 'contracts/payments/shipments.odcs.yaml').code).toBe(0);
  });

  it('prints to stdout without --domain', () => {
    const r = mesh('import', '--format', 'jsonschema', path.join(ROOT, 'test/fixtures/import/sources/customer.schema.json'));
    expect(r.code).toBe(0);
    expect(parse(r.stdout)).toMatchObject({ kind: 'DataContract', name: 'customer' });
  });

  it('reports an invalid source with file:line:column and exits 1', () => {
    const r = mesh('import', path.join(ROOT, 'test/fixtures/import/invalid/syntax.sql'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/syntax\.sql:5:20: SQL syntax error/);
  });

  it('asks for --format when it cannot guess', () => {
    const r = mesh('import', path.join(ROOT, 'test/fixtures/scaffold/CODEOWNERS.sorted'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pass --format/);
  });
});
