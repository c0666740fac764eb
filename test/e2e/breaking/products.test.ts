// `mesh breaking` compares ODPS data products too: output ports removed, re-pointed or re-typed,
// product files deleted while others read what only they published. On temporary git repositories,
// for each kind of product change: the incremental run (only what the change affects) and `--full`
// (both trees whole) give identical JSON, against the working tree and against a head commit.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatBreaking } from '../../../src/breaking/format-report.js';
import { diffRefs, type RefsDiff } from '../../../src/git/diff-refs.js';

const repo = join(import.meta.dirname, '..', '..', '..');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e.x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e.x' };
const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env });
const write = (dir: string, rel: string, text: string) => {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), text);
};
const remove = (dir: string, rel: string) => rmSync(join(dir, rel));
const move = (dir: string, from: string, to: string) => {
  mkdirSync(dirname(join(dir, to)), { recursive: true });
  git(dir, 'mv', from, to);
};

function contract(id: string, version: string): string {
  return `apiVersion: v3.1.0
kind: DataContract
id: ${id}
version: ${version}
status: active
schema:
  - id: main
    name: ${id.replace(/\W/g, '_')}
    properties:
      - id: key
        name: key
        logicalType: string
        required: true
`;
}

type Port = { name: string; version: string; contractId: string; type: string; description?: string };

function product(id: string, version: string, options: { outputs?: Port[]; inputs?: string[] } = {}): string {
  const outputs = (options.outputs ?? []).map((p) => `  - name: ${p.name}\n    version: ${p.version}\n    contractId: ${p.contractId}\n    type: ${p.type}${p.description ? `\n    description: ${p.description}` : ''}`);
  const inputs = (options.inputs ?? []).map((c) => `  - name: ${c}\n    version: 1.0.0\n    contractId: ${c}`);
  return `apiVersion: v1.0.0
kind: DataProduct
id: ${id}
name: ${id}
version: ${version}
status: active
${inputs.length ? `inputPorts:\n${inputs.join('\n')}\n` : ''}${outputs.length ? `outputPorts:\n${outputs.join('\n')}\n` : ''}`;
}

const ORDERS: Port = { name: 'orders', version: '1.0.0', contractId: 'sales-orders', type: 'snowflake' };
const EXPORT: Port = { name: 'orders-export', version: '1.0.0', contractId: 'sales-orders-export', type: 's3' };
const INVOICES: Port = { name: 'invoices', version: '2.0.0', contractId: 'finance-invoices', type: 'bigquery' };
const SALES_PRODUCT = 'contracts/sales/orders.odps.yaml';

/** Two publishing products, two reading ones (one in the publisher's domain), one unrelated; fillers. */
function baseMesh(dir: string): void {
  git(dir, 'init', '-q', '-b', 'main');
  write(dir, 'CODEOWNERS', '* @acme/platform\n/contracts/sales/ @acme/sales-data\n/contracts/finance/ @acme/finance-data\n/contracts/marketing/ @acme/marketing-data\n');
  write(dir, 'contracts/mesh.yaml', 'apiVersion: mesh/v1\nkind: MeshPolicy\nname: test\n');
  write(dir, 'contracts/sales/orders.odcs.yaml', contract('sales-orders', '1.0.0'));
  write(dir, 'contracts/sales/orders_export.odcs.yaml', contract('sales-orders-export', '1.0.0'));
  write(dir, 'contracts/finance/invoices.odcs.yaml', contract('finance-invoices', '2.0.0'));
  for (let i = 0; i < 8; i++) write(dir, `contracts/marketing/filler_${i}.odcs.yaml`, contract(`marketing-filler-${i}`, '1.0.0'));
  write(dir, SALES_PRODUCT, product('sales-orders-product', '1.0.0', { outputs: [ORDERS, EXPORT] }));
  write(dir, 'contracts/finance/invoices.odps.yaml', product('finance-invoices-product', '2.0.0', { outputs: [INVOICES], inputs: ['sales-orders'] }));
  write(dir, 'contracts/marketing/customer_360.odps.yaml', product('marketing-customer-360', '1.0.0', { inputs: ['sales-orders', 'sales-orders-export', 'finance-invoices'] }));
  write(dir, 'contracts/sales/order_report.odps.yaml', product('sales-order-report', '1.0.0', { inputs: ['sales-orders-export'] }));
  write(dir, 'contracts/marketing/unrelated.odps.yaml', product('marketing-unrelated', '1.0.0', { inputs: ['marketing-filler-1'] }));
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'base mesh');
}

type Json = Record<string, any>;
interface Scenario {
  name: string;
  change(dir: string): void;
  /** What the report must show, so an empty report cannot pass. */
  expect(json: Json): void;
}

const productIds = (j: Json) => j.products.map((p: { productId: string }) => p.productId).sort();
const productOf = (j: Json, id: string) => j.products.find((p: { productId: string }) => p.productId === id);
const rulesOf = (j: Json, id: string) => productOf(j, id)?.changes.map((x: { rule: string }) => x.rule) ?? [];

const SCENARIOS: Scenario[] = [
  {
    name: 'an output port removed without a major bump of the product',
    change: (d) => write(d, SALES_PRODUCT, product('sales-orders-product', '1.1.0', { outputs: [ORDERS] })),
    expect: (j) => {
      expect(productIds(j)).toEqual(['sales-orders-product']);
      const p = productOf(j, 'sales-orders-product');
      expect(rulesOf(j, 'sales-orders-product')).toEqual(['breaking/output-port-removed']);
      expect([j.breaking, j.failing, p.versionOk, p.suggestedVersion]).toEqual([true, true, false, '2.0.0']);
      expect(p.changes[0].message).toContain('marketing-customer-360 (marketing), sales-order-report (sales)');
      expect(p.consumers.map((c: { product: string; contractId: string }) => `${c.product}:${c.contractId}`)).toEqual(['marketing-customer-360:sales-orders-export', 'sales-order-report:sales-orders-export']);
      // Located at the removed port in the base file (it no longer exists at the head).
      expect([p.changes[0].file, p.changes[0].line]).toEqual([SALES_PRODUCT, 12]);
    },
  },
  {
    name: 'the same removal with the major bump',
    change: (d) => write(d, SALES_PRODUCT, product('sales-orders-product', '2.0.0', { outputs: [ORDERS] })),
    expect: (j) => {
      expect([j.breaking, j.failing, productOf(j, 'sales-orders-product').versionOk]).toEqual([true, false, true]);
    },
  },
  {
    name: 'an output port re-pointed to another contract and re-typed',
    change: (d) => write(d, SALES_PRODUCT, product('sales-orders-product', '1.0.1', { outputs: [{ ...ORDERS, contractId: 'sales-orders-v2', type: 'kafka' }, EXPORT] })),
    expect: (j) => {
      expect(rulesOf(j, 'sales-orders-product').sort()).toEqual(['breaking/output-port-contract-changed', 'breaking/output-port-type-changed']);
      const consumers = productOf(j, 'sales-orders-product').consumers.map((c: { product: string }) => c.product);
      expect(consumers).toEqual(['finance-invoices-product', 'marketing-customer-360']);
    },
  },
  {
    name: 'an output port added and a description edited: compatible',
    change: (d) => write(d, SALES_PRODUCT, product('sales-orders-product', '1.1.0', { outputs: [{ ...ORDERS, description: 'Confirmed orders.' }, EXPORT, { name: 'orders-stream', version: '1.0.0', contractId: 'sales-orders', type: 'kafka' }] })),
    expect: (j) => {
      expect(rulesOf(j, 'sales-orders-product').sort()).toEqual(['breaking/output-port-added', 'breaking/output-port-metadata-changed']);
      expect([j.breaking, j.failing, productOf(j, 'sales-orders-product').requiredBump]).toEqual([false, false, 'minor']);
    },
  },
  {
    name: 'a product file deleted while others read contracts only it published',
    change: (d) => remove(d, SALES_PRODUCT),
    expect: (j) => {
      const p = productOf(j, 'sales-orders-product');
      expect([p.lifecycle, p.oldFile, p.newFile]).toEqual(['removed', SALES_PRODUCT, undefined]);
      expect(rulesOf(j, 'sales-orders-product')).toEqual(['breaking/product-removed-while-consumed', 'breaking/product-removed-while-consumed']);
      expect(j.failing).toBe(true);
    },
  },
  {
    name: 'a product file replaced by another product publishing the same ports',
    change: (d) => {
      remove(d, SALES_PRODUCT);
      write(d, 'contracts/sales/orders_v2.odps.yaml', product('sales-orders-product-v2', '1.0.0', { outputs: [ORDERS, EXPORT] }));
    },
    expect: (j) => {
      expect(productIds(j)).toEqual(['sales-orders-product', 'sales-orders-product-v2']);
      expect(rulesOf(j, 'sales-orders-product')).toEqual(['breaking/product-removed']);
      expect(rulesOf(j, 'sales-orders-product-v2')).toEqual(['breaking/product-added']);
      expect(j.failing).toBe(false);
    },
  },
  {
    name: 'a product moved to another folder with an edit: matched by id',
    change: (d) => {
      move(d, SALES_PRODUCT, 'contracts/sales/products/orders.odps.yaml');
      write(d, 'contracts/sales/products/orders.odps.yaml', product('sales-orders-product', '1.0.1', { outputs: [{ ...ORDERS, description: 'Orders.' }, EXPORT] }));
    },
    expect: (j) => {
      const p = productOf(j, 'sales-orders-product');
      expect([p.oldFile, p.newFile, rulesOf(j, 'sales-orders-product')]).toEqual([SALES_PRODUCT, 'contracts/sales/products/orders.odps.yaml', ['breaking/output-port-metadata-changed']]);
    },
  },
  {
    name: 'only input ports of a product change: no product entry',
    change: (d) => write(d, 'contracts/marketing/customer_360.odps.yaml', product('marketing-customer-360', '1.0.0', { inputs: ['sales-orders'] })),
    expect: (j) => {
      expect([j.products, j.contracts]).toEqual([[], []]);
    },
  },
  {
    name: 'broken YAML in a changed product and in a new one: unreadable (failing), not deleted',
    change: (d) => {
      write(d, SALES_PRODUCT, 'apiVersion: v1.0.0\nkind: DataProduct\nid: sales-orders-product\noutputPorts: [\n');
      write(d, 'contracts/finance/new.odps.yaml', 'id: [unclosed\n');
    },
    expect: (j) => {
      expect(j.products.map((p: Json) => [p.productId, p.oldFile, p.newFile, p.changes.map((c: { rule: string }) => c.rule), p.versionStatus])).toEqual([
        ['contracts/finance/new.odps.yaml', undefined, 'contracts/finance/new.odps.yaml', ['breaking/product-unreadable'], 'invalid'],
        ['sales-orders-product', SALES_PRODUCT, SALES_PRODUCT, ['breaking/product-unreadable'], 'invalid'],
      ]);
      expect(productOf(j, 'sales-orders-product').consumers.map((c: Json) => c.product).sort()).toEqual(['finance-invoices-product', 'marketing-customer-360', 'marketing-customer-360', 'sales-order-report']);
      expect(j.failing).toBe(true);
      expect(j.problems.map((p: { file: string }) => p.file).sort()).toEqual(['contracts/finance/new.odps.yaml', SALES_PRODUCT]);
    },
  },
  {
    name: 'a contract and the product publishing it change together',
    change: (d) => {
      write(d, 'contracts/finance/invoices.odcs.yaml', contract('finance-invoices', '2.1.0').replace('    properties:', '    description: Invoices.\n    properties:'));
      write(d, 'contracts/finance/invoices.odps.yaml', product('finance-invoices-product', '2.0.0', { outputs: [{ ...INVOICES, type: 'snowflake' }], inputs: ['sales-orders'] }));
    },
    expect: (j) => {
      expect(j.contracts.map((c: { contractId: string }) => c.contractId)).toEqual(['finance-invoices']);
      expect(rulesOf(j, 'finance-invoices-product')).toEqual(['breaking/output-port-type-changed']);
      expect(productOf(j, 'finance-invoices-product').suggestedVersion).toBe('3.0.0');
    },
  },
];

async function report(dir: string, base: string, headSha: string | undefined, full: boolean): Promise<{ json: string; loaded: number }> {
  const refs: RefsDiff = await diffRefs(dir, {
    contractsRel: 'contracts',
    base: { ref: 'main', sha: base, how: 'test' },
    ...(headSha ? { headSha } : {}),
    headRef: headSha ? 'HEAD' : 'working tree',
    today: '2026-11-28',
    check: true,
    full,
  });
  try {
    return { json: formatBreaking(refs.run, 'json', { locate: refs.locate }), loaded: refs.loadedFiles };
  } finally {
    await refs.cleanup();
  }
}

describe('mesh breaking on data products: incremental and full runs give identical reports', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.name} — against the working tree and against a head commit`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'mesh-products-'));
      dirs.push(dir);
      baseMesh(dir);
      const base = git(dir, 'rev-parse', 'HEAD').trim();
      git(dir, 'checkout', '-q', '-b', 'change');
      scenario.change(dir);

      const full = await report(dir, base, undefined, true);
      const incremental = await report(dir, base, undefined, false);
      expect(incremental.json).toBe(full.json);
      scenario.expect(JSON.parse(full.json));
      expect(incremental.loaded).toBeLessThan(full.loaded);

      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '--allow-empty', '-m', scenario.name);
      const head = git(dir, 'rev-parse', 'HEAD').trim();
      const fullCommit = await report(dir, base, head, true);
      const incrementalCommit = await report(dir, base, head, false);
      expect(incrementalCommit.json).toBe(fullCommit.json);
      scenario.expect(JSON.parse(fullCommit.json));
    });
  }

  it('the CLI exits 1 on an unbumped product break, names it in every format, and 0 once the product version is bumped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesh-products-cli-'));
    dirs.push(dir);
    baseMesh(dir);
    const run = (...extra: string[]) => spawnSync(process.execPath, [join(repo, 'bin', 'mesh.js'), 'breaking', '--base', 'main', ...extra], { cwd: dir, encoding: 'utf8' });
    write(dir, SALES_PRODUCT, product('sales-orders-product', '1.1.0', { outputs: [ORDERS] }));
    const text = run();
    expect([text.status, text.stderr]).toEqual([1, '']);
    expect(text.stdout).toContain('data product sales-orders-product 1.0.0 → 1.1.0');
    expect(text.stdout).toContain('breaking, needs a major bump: use 2.0.0');
    const markdown = run('--format', 'markdown');
    expect(markdown.stdout).toContain('### ❌ 1 data product with breaking changes');
    expect(markdown.stdout).toContain('| Data product | Version | Required bump | Suggested | Verdict |');
    const sarif = JSON.parse(run('--format', 'sarif').stdout);
    expect(sarif.runs[0].results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level])).toEqual([['breaking/output-port-removed', 'error']]);
    expect(JSON.stringify(run('--format', 'json').stdout)).toBe(JSON.stringify(run('--format', 'json', '--full').stdout));

    write(dir, SALES_PRODUCT, product('sales-orders-product', '2.0.0', { outputs: [ORDERS] }));
    expect(run().status).toBe(0);
  });
});
