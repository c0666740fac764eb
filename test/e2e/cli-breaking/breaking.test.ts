// `mesh breaking` and `mesh diff` as a user runs them: the built binary on a temporary git repository
// with several commits — a contract moved and changed, a consumed contract deleted, a new contract,
// an uncommitted edit — across two producing domains and a consumer in a third.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIFF_REPORT_SCHEMA } from '../../../src/breaking/report.js';

const repo = join(import.meta.dirname, '..', '..', '..');
let dir: string;

function mesh(args: string[], cwd = dir) {
  const r = spawnSync(process.execPath, [join(repo, 'bin', 'mesh.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function git(...args: string[]) {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e.x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e.x' } });
}
function write(rel: string, text: string) {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), text);
}
function contract(id: string, version: string, properties: string[], extra = ''): string {
  return `apiVersion: v3.1.0
kind: DataContract
id: ${id}
version: ${version}
status: active
${extra}schema:
  - id: main
    name: ${id.split('-')[1]}
    properties:
${properties.map((p) => `      - id: ${p}\n        name: ${p}\n        logicalType: string\n        required: true`).join('\n')}
`;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mesh-breaking-e2e-'));
  git('init', '-q', '-b', 'main');
  write('CODEOWNERS', '* @acme/platform\n/contracts/sales/ @acme/sales-data\n/contracts/finance/ @acme/finance-data\n/contracts/marketing/ @acme/marketing-data\n');
  write('contracts/mesh.yaml', 'apiVersion: mesh/v1\nkind: MeshPolicy\nname: test\nbreaking:\n  rules:\n    breaking/contract-metadata-changed: off\n');
  write('contracts/sales/orders.odcs.yaml', contract('sales-orders', '1.0.0', ['order_id', 'customer_id', 'channel']));
  write('contracts/sales/returns.odcs.yaml', contract('sales-returns', '1.0.0', ['return_id'], 'description:\n  purpose: Returns.\n'));
  write('contracts/finance/invoices.odcs.yaml', contract('finance-invoices', '2.1.0', ['invoice_id']));
  write(
    'contracts/marketing/customer_360.odps.yaml',
    `apiVersion: v1.0.0
kind: DataProduct
id: marketing-customer-360
name: Customer 360
status: active
domain: marketing
inputPorts:
  - name: orders
    version: 1.0.0
    contractId: sales-orders
  - name: invoices
    version: 2.1.0
    contractId: finance-invoices
`,
  );
  git('add', '.');
  git('commit', '-q', '-m', 'initial mesh');
  git('checkout', '-q', '-b', 'feature');
  // Commit 2: move orders into a sub-folder and drop a property, with only a minor bump.
  git('mv', 'contracts/sales/orders.odcs.yaml', 'contracts/sales/orders-v1.odcs.yaml');
  write('contracts/sales/orders-v1.odcs.yaml', contract('sales-orders', '1.1.0', ['order_id', 'channel']));
  git('commit', '-q', '-am', 'orders: drop customer_id');
  // Commit 3: delete invoices (marketing still reads it) and add refunds.
  git('rm', '-q', 'contracts/finance/invoices.odcs.yaml');
  write('contracts/sales/refunds.odcs.yaml', contract('sales-refunds', '0.1.0', ['refund_id']));
  git('add', '.');
  git('commit', '-q', '-m', 'finance: delete invoices; sales: refunds');
  // Uncommitted: a description edit (turned off in mesh.yaml) and a patch bump.
  write('contracts/sales/returns.odcs.yaml', contract('sales-returns', '1.0.1', ['return_id'], 'description:\n  purpose: Every return, with its reason.\n'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mesh breaking on a git repository', () => {
  it('finds the base itself, matches the moved contract by id, names deleted/added contracts and consumers, and exits 1', () => {
    const r = mesh(['breaking', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.base.ref).toBe('main');
    expect(out.base.how).toContain('merge-base with main');
    expect(out.head.ref).toBe('working tree');
    const byId = Object.fromEntries(out.contracts.map((c: { contractId: string }) => [c.contractId, c]));
    expect(Object.keys(byId).sort()).toEqual(['finance-invoices', 'sales-orders', 'sales-refunds', 'sales-returns']);

    const orders = byId['sales-orders'];
    expect(orders.oldFile).toBe('contracts/sales/orders.odcs.yaml');
    expect(orders.newFile).toBe('contracts/sales/orders-v1.odcs.yaml');
    expect(orders.changes.map((c: { rule: string }) => c.rule)).toEqual(['breaking/property-removed']);
    expect(orders.changes[0].path).toBe('schema[orders].properties[customer_id]');
    expect(orders.changes[0].file).toBe('contracts/sales/orders.odcs.yaml'); // located on the old side
    expect(orders).toMatchObject({ breaking: true, requiredBump: 'major', versionOk: false, suggestedVersion: '2.0.0' });
    expect(orders.consumers).toEqual([
      expect.objectContaining({ product: 'marketing-customer-360', domain: 'marketing', port: 'orders', version: '1.0.0', owners: ['@acme/marketing-data'] }),
    ]);

    const invoices = byId['finance-invoices'];
    expect(invoices.lifecycle).toBe('removed');
    expect(invoices.changes.map((c: { rule: string }) => c.rule)).toEqual(['breaking/contract-removed-while-consumed']);
    expect(invoices.changes[0].message).toContain('marketing-customer-360 (marketing)');

    expect(byId['sales-refunds']).toMatchObject({ lifecycle: 'added', breaking: false, versionOk: true });
    expect(byId['sales-refunds'].changes.map((c: { rule: string }) => c.rule)).toEqual(['breaking/contract-added']);
    // The uncommitted edit is seen; mesh.yaml turned its rule off, so nothing is left to report.
    expect(byId['sales-returns']).toMatchObject({ breaking: false, changes: [], requiredBump: 'none', versionOk: true });

    const validate = new Ajv2019({ strict: false }).compile(DIFF_REPORT_SCHEMA);
    for (const c of out.contracts) expect(validate(c)).toBe(true);
  });

  it('compares two commits with --base/--head, ignoring the working tree', () => {
    const r = mesh(['breaking', '--base', 'main', '--head', 'HEAD~1', '--format', 'json']);
    expect(r.code).toBe(1);
    const ids = JSON.parse(r.stdout).contracts.map((c: { contractId: string }) => c.contractId);
    expect(ids).toEqual(['sales-orders']);
  });

  it('renders the PR comment in Markdown: verdict line, changes by severity, versions, consumers', () => {
    const r = mesh(['breaking', '--format', 'markdown']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('### ❌ 2 contracts with breaking changes or version errors that need a new version');
    expect(r.stdout).toContain('| `sales-orders` | 1.0.0 → 1.1.0 | major | 2.0.0 | ❌ breaking, needs a major bump: use 2.0.0 |');
    expect(r.stdout).toContain('**🔴 Breaking** (1)');
    expect(r.stdout).toContain('| `marketing-customer-360` | marketing | orders | 1.0.0 | @acme/marketing-data |');
  });

  it('passes once the major bump is made and the deletion is waived in the PR body', () => {
    write('contracts/sales/orders-v1.odcs.yaml', contract('sales-orders', '2.0.0', ['order_id', 'channel']));
    write('pr-body.md', 'Dropping invoices.\n\nmesh-waive: contract-removed-while-consumed (contract) — marketing drops the port in acme/mesh#12\n');
    const r = mesh(['breaking', '--pr-body', 'pr-body.md']);
    expect(r.stdout).toContain('waived (pr): marketing drops the port in acme/mesh#12');
    expect(r.stdout).toContain('breaking, version bumped (1.0.0 → 2.0.0)');
    expect(r.code).toBe(0);
    write('contracts/sales/orders-v1.odcs.yaml', contract('sales-orders', '1.1.0', ['order_id', 'channel']));
  });

  it('says which ref is bad, with exit 2', () => {
    const r = mesh(['breaking', '--base', 'no-such-branch']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--base no-such-branch is not a commit');
  });
});

describe('mesh diff on two files', () => {
  it('prints the public JSON shape and exits 1 for a breaking change without a major bump', () => {
    write('a/old.odcs.yaml', contract('sales-orders', '1.0.0', ['order_id', 'customer_id']));
    write('a/new.odcs.yaml', contract('sales-orders', '1.0.1', ['order_id']));
    const r = mesh(['diff', 'a/old.odcs.yaml', 'a/new.odcs.yaml', '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).slice(0, 6)).toEqual(['breaking', 'requiredBump', 'oldVersion', 'newVersion', 'versionOk', 'suggestedVersion']);
    expect(out).toMatchObject({ breaking: true, requiredBump: 'major', oldVersion: '1.0.0', newVersion: '1.0.1', versionOk: false, suggestedVersion: '2.0.0' });
    expect(out.changes).toEqual([
      expect.objectContaining({ rule: 'breaking/property-removed', severity: 'breaking', path: 'schema[orders].properties[customer_id]', file: 'a/old.odcs.yaml', line: 14, column: 9 }),
    ]);
    expect(new Ajv2019({ strict: false }).compile(DIFF_REPORT_SCHEMA)(out)).toBe(true);
  });

  it('exits 0 for an additive change with a minor bump, and 2 with a located message for a broken file', () => {
    write('b/old.odcs.yaml', contract('sales-orders', '1.0.0', ['order_id']));
    write('b/new.odcs.yaml', contract('sales-orders', '1.1.0', ['order_id', 'coupon']));
    expect(mesh(['diff', 'b/old.odcs.yaml', 'b/new.odcs.yaml']).code).toBe(0);
    write('b/broken.odcs.yaml', 'id: [unclosed\n');
    const r = mesh(['diff', 'b/old.odcs.yaml', 'b/broken.odcs.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/b\/broken\.odcs\.yaml:\d+:\d+: /);
  });

  it('exports the JSON Schema of a contract', () => {
    const r = mesh(['export', '--format', 'jsonschema', 'b/new.odcs.yaml']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.required).toEqual(['order_id', 'coupon']);
    expect(schema.additionalProperties).toBeUndefined(); // open model
    expect(readFileSync(join(dir, 'b/new.odcs.yaml'), 'utf8')).toContain('coupon');
  });
});
