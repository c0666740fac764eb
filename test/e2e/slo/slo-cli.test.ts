// `mesh slo evaluate` and `mesh slo report` through the built binary (node bin/mesh.js).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../github-emulator/index.js';
import { validateSloStatusReport, type SloStatusReport } from '../../../src/slo/status.js';

const exec = promisify(execFile);
const MESH = path.resolve('bin/mesh.js');
const FIXTURE = path.resolve('test/fixtures/slo');
const NOW = '2025-06-01T12:00:00Z';

async function mesh(args: string[], env: Record<string, string> = {}, input?: string) {
  const child = exec(process.execPath, [MESH, ...args], { cwd: FIXTURE, env: { PATH: process.env.PATH ?? '', ...env } });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const evaluateArgs = ['slo', 'evaluate', '--contracts', 'mesh/contracts', '--root', 'mesh', '--observations', 'observations', '--now', NOW];

let dir: string;
beforeAll(() => {
  if (!existsSync('dist/cli.js')) throw new Error('build first: node scripts/build.mjs');
  dir = mkdtempSync(path.join(tmpdir(), 'mesh-slo-'));
});

describe('mesh slo evaluate', () => {
  it('evaluates the fixture mesh from all three observation formats and writes a valid status file', async () => {
    const out = path.join(dir, 'slo-status.json');
    const { code, stdout, stderr } = await mesh([...evaluateArgs, '--format', 'json', '--out', out]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as SloStatusReport;
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(report);
    expect(validateSloStatusReport(report)).toEqual([]);
    const byKey = Object.fromEntries(report.results.map((r) => [`${r.contract}/${r.property}${r.element ? `/${r.element}` : ''}`, r]));
    expect(byKey['sales-orders/latency/orders.loaded_at']).toMatchObject({ status: 'breached', observed: 5.5, target: 4, unit: 'h', observedAt: '2025-06-01T11:58:00.000Z' });
    expect(byKey['sales-orders/availability'].status).toBe('at-risk');
    expect(byKey['sales-orders/errorRate']).toMatchObject({ status: 'breached', observed: 2.5 });
    expect(byKey['finance-invoices/latency']).toMatchObject({ status: 'met', observed: '20min' });
    expect(byKey['finance-invoices/frequency'].status).toBe('unknown');
    expect(byKey['sales-orders/latency/orders.loaded_at'].assignees).toEqual(['alice-sales']);
    expect(byKey['sales-orders/availability'].owners).toEqual(['@acme/sales-data', '@alice-sales']);
    expect(byKey['finance-invoices/latency'].owners).toEqual(['@acme/finance-data']);
    expect(stderr).toContain('dbt source source.jaffle_shop.raw.customers is not mapped');
    expect(stderr).toContain('[slo/unknown-property]');
  });

  it('prints a readable table and fails on breaches only when asked to', async () => {
    const text = await mesh(evaluateArgs);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^breached {2}sales-orders latency\(orders\.loaded_at\)/m);
    // finance-invoices availability was last observed a month before --now: older than the default week.
    expect(text.stdout).toMatch(/9 SLOs evaluated at 2025-06-01T12:00:00.000Z: 2 breached, 1 at-risk, 4 unknown, 2 met/);
    expect(text.stdout).toMatch(/older than the staleness limit of 7d/);
    expect((await mesh([...evaluateArgs, '--fail-on', 'breached'])).code).toBe(1);
  });

  it('counts a month-old observation only when the staleness limit is widened or turned off', async () => {
    for (const limit of ['P60D', 'none']) {
      expect((await mesh([...evaluateArgs, '--stale-after', limit])).stdout).toMatch(/: 2 breached, 1 at-risk, 3 unknown, 3 met/);
    }
  });

  it('evaluates the example mesh with the example observations of docs/: every observation matches a declared SLO', async () => {
    // The CLI runs in test/fixtures/slo: the repository root is three levels up.
    const { code, stdout, stderr } = await mesh(['slo', 'evaluate', '--root', '../../..', '--contracts', '../../../contracts', '--observations', '../../../docs/examples/observations', '--now', '2026-11-28T06:30:00Z', '--format', 'json']);
    expect(code).toBe(0);
    expect(stderr).not.toContain('ignored');
    const report = JSON.parse(stdout) as SloStatusReport;
    const status = (contract: string, property: string) => report.results.find((r) => r.contract === contract && r.property === property)?.status;
    expect(status('finance-invoices', 'latency')).toBe('breached'); // lastUpdated 3h20m before --now, target 1h
    expect(status('sales-order-events', 'latency')).toBe('at-risk');
    expect(status('sales-orders', 'availability')).toBe('met');
    expect(status('marketing-customer-360', 'latency')).toBe('unknown'); // observed 8 days before --now
  });

  it('treats a directory without observation files as no observations: every SLO unknown, with a warning', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'mesh-slo-empty-'));
    const { code, stdout, stderr } = await mesh(['slo', 'evaluate', '--contracts', 'mesh/contracts', '--root', 'mesh', '--observations', empty, '--now', NOW]);
    expect(code).toBe(0);
    expect(stderr).toContain('no *.json files');
    expect(stdout).toMatch(/9 SLOs evaluated at .*: 0 breached, 0 at-risk, 9 unknown, 0 met/);
  });

  it('reads observations from stdin', async () => {
    const stdin = JSON.stringify({ observations: [{ contract: 'finance-invoices', property: 'frequency', value: '2d', observedAt: '2025-06-01T10:00:00Z' }] });
    const { code, stdout } = await mesh(['slo', 'evaluate', '--contracts', 'mesh/contracts', '--observations', '-', '--now', NOW, '--format', 'json'], {}, stdin);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as SloStatusReport).results.find((r) => r.property === 'frequency')?.status).toBe('breached');
  });

  it('rejects bad input with a usage error naming it', async () => {
    expect(await mesh(['slo', 'evaluate', '--contracts', 'mesh/contracts', '--observations', 'mesh/CODEOWNERS'])).toMatchObject({ code: 2, stderr: expect.stringContaining('mesh/CODEOWNERS: not valid JSON') });
    expect(await mesh(['slo', 'evaluate', '--contracts', 'mesh/contracts', '--observations', 'observations', '--now', 'soon'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--now must be an ISO-8601 time') });
    expect(await mesh(['slo', 'evaluate', '--contracts', 'nowhere', '--observations', 'observations'])).toMatchObject({ code: 2 });
  });
});

describe('mesh slo report', () => {
  let emu: Emulator;
  let status: string;
  beforeAll(async () => {
    emu = await startEmulator({ validate: true, tokens: ['ghs_secret123'], collaborators: ['alice-sales'] });
    status = path.join(dir, 'report-status.json');
    await mesh([...evaluateArgs, '--format', 'json', '--out', status]);
  });
  afterAll(async () => {
    await emu.close();
  });
  const env = () => ({ GITHUB_TOKEN: 'ghs_secret123', GITHUB_REPOSITORY: 'acme/mesh', GITHUB_API_URL: emu.url });

  it('plans in a dry run without writing', async () => {
    const { code, stdout } = await mesh(['slo', 'report', '--status', status, '--dry-run'], env());
    expect(code).toBe(0);
    expect(stdout).toContain('would open sales-orders/latency/orders.loaded_at');
    expect(stdout).toContain('dry run: 9 SLOs: 2 open, 7 none');
    expect(emu.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('opens the issues with links to the site and the file, configured from the environment, and never prints the token', async () => {
    const { code, stdout, stderr } = await mesh(['slo', 'report', '--status', status, '--site-url', 'https://acme.github.io/mesh', '--write-interval', '0'], env());
    expect(code).toBe(0);
    expect(stdout).toContain('9 SLOs: 2 open, 7 none');
    const issues = emu.state.issues('acme', 'mesh');
    expect(issues.map((i) => i.title).sort()).toEqual(['SLO breach: Sales Orders – errorRate', 'SLO breach: Sales Orders – latency (orders.loaded_at)']);
    expect(issues[0].body).toContain('https://acme.github.io/mesh/contracts/sales-orders.html');
    expect(issues[0].body).toContain('https://github.com/acme/mesh/blob/HEAD/contracts/sales/orders.odcs.yaml');
    expect(stdout + stderr).not.toContain('ghs_secret123');
    expect(emu.violations).toEqual([]);
  });

  it('needs a repository and a token unless it is a dry run', async () => {
    expect(await mesh(['slo', 'report', '--status', status], { GITHUB_REPOSITORY: 'acme/mesh' })).toMatchObject({ code: 2, stderr: expect.stringContaining('no token: set GITHUB_TOKEN') });
    expect(await mesh(['slo', 'report', '--status', status], { GITHUB_TOKEN: 'x' })).toMatchObject({ code: 2, stderr: expect.stringContaining('--repo owner/name') });
  });

  it('exits 1 when some SLOs could not be reported', async () => {
    emu.state.readOnly = true;
    const other = path.join(dir, 'other.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(other, JSON.stringify({ evaluatedAt: NOW, results: [{ contract: 'x', property: 'latency', target: 1, unit: 'h', observed: 2, status: 'breached', observedAt: NOW, message: 'late' }] }));
    const { code, stdout } = await mesh(['slo', 'report', '--status', other, '--write-interval', '0'], env());
    emu.state.readOnly = false;
    expect(code).toBe(1);
    expect(stdout).toContain('1 failed');
  });
});
