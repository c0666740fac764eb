// `mesh site serve` rebuilds incrementally: after each edit of a contract it reloads only that file
// and renders only the pages whose inputs changed; the folder it leaves must be, file for file and
// byte for byte, the folder a full `mesh site build` writes from the same contracts.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSiteToDir, type SiteBuildOptions } from '../../../src/site/build-site.js';
import { serveSite, type RebuildResult, type SiteServer } from '../../../src/site/serve.js';

const FIXTURE = path.resolve('test/fixtures/site/mesh');
const NOW = new Date('2025-06-02T12:00:00Z');

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

let dir: string;
let work: string;
let server: SiteServer;
let options: SiteBuildOptions;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'mesh-site-incremental-'));
  work = path.join(dir, 'repo');
  cpSync(FIXTURE, work, { recursive: true });
  options = { contractsDir: 'contracts', outDir: '_site', cwd: work, root: work, git: false, lint: true, now: NOW };
  ({ server } = await serveSite({ ...options, port: 0, debounceMs: 50 }));
});

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Edits a file of the mesh and waits for the server's rebuild. */
async function edit(rel: string, change: (text: string) => string): Promise<RebuildResult> {
  const file = path.join(work, rel);
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  const rebuilt = server.nextRebuild();
  writeFileSync(file, after);
  const result = await rebuilt;
  expect(result.error).toBeUndefined();
  return result;
}

/** Does something to the contracts folder and waits for the server's rebuild. */
async function change(action: () => void): Promise<RebuildResult> {
  const rebuilt = server.nextRebuild();
  action();
  const result = await rebuilt;
  expect(result.error).toBeUndefined();
  return result;
}

/** Files of the served folder that differ from a full build of the same contracts (missing, extra or other bytes). */
async function differencesFromFullBuild(): Promise<string[]> {
  const full = path.join(dir, `full-${Date.now()}`);
  await buildSiteToDir({ ...options, outDir: full });
  const served = path.join(work, '_site');
  const a = filesUnder(served);
  const b = filesUnder(full);
  const differences = [...a.filter((f) => !b.includes(f)).map((f) => `only served: ${f}`), ...b.filter((f) => !a.includes(f)).map((f) => `only full: ${f}`)];
  for (const f of a.filter((f) => b.includes(f))) {
    if (!readFileSync(path.join(served, f)).equals(readFileSync(path.join(full, f)))) differences.push(`differs: ${f}`);
  }
  rmSync(full, { recursive: true, force: true });
  return differences;
}

describe('mesh site serve, incremental rebuilds', () => {
  it('reloads one reworded contract alone, renders its page and the pages listing it, and leaves what a full build leaves', async () => {
    const result = await edit('contracts/billing/payments.odcs.yaml', (t) => t.replace('Card and bank payments as they settle.', 'Settled card payments, refreshed live.'));
    expect(result.mode).toBe('incremental');
    // The payments page, the home page (search index renamed) and the billing domain page (its card).
    expect(result.rendered).toBe(3);
    expect(readFileSync(path.join(work, '_site/contracts/billing-payments.html'), 'utf8')).toContain('Settled card payments, refreshed live.');
    expect(await differencesFromFullBuild()).toEqual([]);
  });

  it('renders only the contract page when the edit leaves its card and search entry alone', async () => {
    const index = () => filesUnder(path.join(work, '_site/assets')).find((f) => f.startsWith('search-index.'));
    const before = index();
    const result = await edit('contracts/billing/payments.odcs.yaml', (t) => t.replace('host: kafka.acme.internal:9092', 'host: kafka2.acme.internal:9092'));
    expect(result.mode).toBe('incremental');
    expect(result.rendered).toBe(1);
    expect(index()).toBe(before);
    expect(readFileSync(path.join(work, '_site/contracts/billing-payments.html'), 'utf8')).toContain('kafka2.acme.internal:9092');
    expect(await differencesFromFullBuild()).toEqual([]);
  });

  it('re-renders the lineage neighbours of a renamed contract', async () => {
    const result = await edit('contracts/billing/invoices.odcs.yaml', (t) => t.replace(/^name: invoices$/m, 'name: invoice_lines'));
    expect(result.mode).toBe('incremental');
    // Orders feeds invoices and invoices feeds payments: both draw it in their lineage graphs.
    expect(readFileSync(path.join(work, '_site/contracts/shop-orders.html'), 'utf8')).toContain('invoice_lines');
    expect(readFileSync(path.join(work, '_site/contracts/billing-payments.html'), 'utf8')).toContain('invoice_lines');
    expect(await differencesFromFullBuild()).toEqual([]);
  });

  it('shows a new lint finding on the contract page and the governance page', async () => {
    const governance = () => readFileSync(path.join(work, '_site/governance.html'), 'utf8');
    const before = governance();
    const result = await edit('contracts/shop/orders.odcs.yaml', (t) => t.replace(/^apiVersion: .*$/m, 'apiVersion: v9.9.9'));
    expect(result.mode).toBe('incremental');
    expect(governance()).not.toBe(before);
    expect(await differencesFromFullBuild()).toEqual([]);
  });

  it('moves a contract whose id changed to its new page and removes the old one', async () => {
    const result = await edit('contracts/billing/payments.odcs.yaml', (t) => t.replace(/^id: billing-payments$/m, 'id: billing-payouts'));
    expect(result.mode).toBe('incremental');
    expect(result.removed).toBeGreaterThan(0);
    expect(filesUnder(path.join(work, '_site'))).not.toContain('contracts/billing-payments.html');
    expect(filesUnder(path.join(work, '_site'))).toContain('contracts/billing-payouts.html');
    expect(await differencesFromFullBuild()).toEqual([]);
  });

  it('adds a new contract file on its own: its page, the domain and home pages, and the search index', async () => {
    const invoices = readFileSync(path.join(work, 'contracts/billing/invoices.odcs.yaml'), 'utf8');
    const refunds = invoices.replace(/^id: .*$/m, 'id: billing-refunds').replace(/^name: .*$/m, 'name: refunds');
    const result = await change(() => writeFileSync(path.join(work, 'contracts/billing/refunds.odcs.yaml'), refunds));
    expect(result.mode).toBe('incremental');
    expect(filesUnder(path.join(work, '_site'))).toContain('contracts/billing-refunds.html');
    expect(readFileSync(path.join(work, '_site/domains/billing.html'), 'utf8')).toContain('refunds');
    expect(await differencesFromFullBuild()).toEqual([]);
  });

  it('follows a contract file moved to another domain folder (removed here, added there)', async () => {
    mkdirSync(path.join(work, 'contracts/shop'), { recursive: true });
    const result = await change(() => renameSync(path.join(work, 'contracts/billing/refunds.odcs.yaml'), path.join(work, 'contracts/shop/refunds.odcs.yaml')));
    expect(result.mode).toBe('incremental');
    expect(await differencesFromFullBuild()).toEqual([]);
  });

  it('removes the pages and downloads of a deleted contract, and lists it nowhere', async () => {
    const result = await change(() => rmSync(path.join(work, 'contracts/shop/refunds.odcs.yaml')));
    expect(result.mode).toBe('incremental');
    expect(result.removed).toBeGreaterThan(0);
    expect(filesUnder(path.join(work, '_site')).filter((f) => f.includes('refunds'))).toEqual([]);
    expect(await differencesFromFullBuild()).toEqual([]);
  });

  it('leaves out a contract written under a dot folder, as a full build does', async () => {
    const orders = readFileSync(path.join(work, 'contracts/shop/orders.odcs.yaml'), 'utf8');
    mkdirSync(path.join(work, 'contracts/.drafts'));
    const result = await change(() => writeFileSync(path.join(work, 'contracts/.drafts/draft.odcs.yaml'), orders.replace(/^id: .*$/m, 'id: shop-draft')));
    expect(result.mode).toBe('incremental');
    expect(result.written).toBe(0);
    expect(await differencesFromFullBuild()).toEqual([]);
  });

  it('reloads the whole mesh for a new contract that does not load, and forgets its finding once it is removed', async () => {
    const governance = () => readFileSync(path.join(work, '_site/governance.html'), 'utf8');
    const broken = path.join(work, 'contracts/shop/broken.odcs.yaml');
    const added = await change(() => writeFileSync(broken, 'apiVersion: v3.1.0\nid: [shop-broken\n'));
    expect(added.mode).toBe('full');
    expect(governance()).toContain('broken.odcs.yaml');
    expect(await differencesFromFullBuild()).toEqual([]);
    const removed = await change(() => rmSync(broken));
    expect(removed.mode).toBe('incremental');
    expect(governance()).not.toContain('broken.odcs.yaml');
    expect(await differencesFromFullBuild()).toEqual([]);
  });

  it('reloads an edited data product alone and redraws the lineage it is part of', async () => {
    const result = await edit('contracts/billing/invoicing.odps.yaml', (t) => t.replace(/^name: invoicing$/m, 'name: invoice_run'));
    expect(result.mode).toBe('incremental');
    expect(readFileSync(path.join(work, '_site/lineage.html'), 'utf8')).toContain('invoice_run');
    expect(await differencesFromFullBuild()).toEqual([]);
  });

  it('adds and removes a data product on its own', async () => {
    const product = path.join(work, 'contracts/shop/fulfilment.odps.yaml');
    const text = ['apiVersion: v1.0.0', 'kind: DataProduct', 'id: shop-fulfilment', 'name: fulfilment', 'status: active', 'domain: shop', 'inputPorts:', '  - name: orders', '    version: 1.0.0', '    contractId: shop-orders', ''].join('\n');
    const added = await change(() => writeFileSync(product, text));
    expect(added.mode).toBe('incremental');
    expect(readFileSync(path.join(work, '_site/lineage.html'), 'utf8')).toContain('fulfilment');
    expect(await differencesFromFullBuild()).toEqual([]);
    const removed = await change(() => rmSync(product));
    expect(removed.mode).toBe('incremental');
    expect(readFileSync(path.join(work, '_site/lineage.html'), 'utf8')).not.toContain('fulfilment');
    expect(await differencesFromFullBuild()).toEqual([]);
  });

  it('reloads the whole mesh when a domain file changes, with the same result as a full build', async () => {
    const result = await edit('contracts/billing/domain.yaml', (t) => t.replace('Invoices and payments.', 'Invoices, payments and refunds.'));
    expect(result.mode).toBe('full');
    expect(await differencesFromFullBuild()).toEqual([]);
  });
});
