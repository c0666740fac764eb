// The discovery site in real headless Chromium, opened from file:// like a downloaded folder:
// the example mesh (contracts/) plus a contract full of XSS payloads, built by the `mesh` binary.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const CHROMIUM = '/usr/bin/chromium';
const MESH = path.resolve('bin/mesh.js');
const AXE = path.resolve('node_modules/axe-core/axe.min.js');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`site browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

let dir: string;
let site: string;
let browser: Browser;
let context: BrowserContext;
const problems: string[] = [];
const dialogs: string[] = [];

const url = (page: string) => {
  const [file, query] = page.split('?');
  return pathToFileURL(path.join(site, file)).href + (query ? `?${query}` : '');
};

async function open(page: string, options: { colorScheme?: 'light' | 'dark'; width?: number } = {}): Promise<Page> {
  const ctx = options.colorScheme || options.width ? await browser.newContext({ colorScheme: options.colorScheme ?? 'light', viewport: { width: options.width ?? 1280, height: 900 } }) : context;
  const p = await ctx.newPage();
  watch(p);
  await p.goto(url(page));
  return p;
}

function watch(p: Page): void {
  p.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()} on ${p.url()}: ${m.text()}`);
  });
  p.on('pageerror', (e) => problems.push(`page error on ${p.url()}: ${e.message}`));
  p.on('requestfailed', (r) => {
    // ERR_ABORTED: the test itself navigated away or closed the page while a resource was loading.
    if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed on ${p.url()}: ${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  p.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
}

async function resultNames(p: Page): Promise<string[]> {
  return p.locator('#results .card-title a').allTextContents();
}

async function typeQuery(p: Page, query: string): Promise<void> {
  await p.fill('#q', query);
  await p.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q || (q === '' && !location.search.includes('q=')), query);
}

describe.skipIf(!hasChromium)('discovery site in Chromium (file://)', () => {
  beforeAll(async () => {
    if (!existsSync('dist/cli.js')) throw new Error('build first: node scripts/build.mjs');
    dir = mkdtempSync(path.join(tmpdir(), 'mesh-site-'));
    const repo = path.join(dir, 'repo');
    cpSync('contracts', path.join(repo, 'contracts'), { recursive: true });
    if (existsSync('CODEOWNERS')) cpSync('CODEOWNERS', path.join(repo, 'CODEOWNERS'));
    cpSync('test/fixtures/site/xss/xss.odcs.yaml', path.join(repo, 'contracts', 'sales', 'xss_payloads.odcs.yaml'));
    cpSync('test/fixtures/site/example-slo-status.json', path.join(repo, 'slo-status.json'));
    const { stdout } = await exec(process.execPath, [MESH, 'site', 'build', '--out', '_site', '--no-git'], { cwd: repo });
    expect(stdout).toMatch(/built \d+ pages/);
    site = path.join(repo, '_site');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('finds the orders contract by name and by a typo', async () => {
    const p = await open('index.html');
    await typeQuery(p, 'orders');
    expect((await resultNames(p))[0]).toBe('orders');
    await typeQuery(p, 'ordres');
    expect((await resultNames(p))[0]).toBe('orders');
    await typeQuery(p, 'custmer');
    expect(await resultNames(p)).toContain('customers');
    await p.close();
  });

  it('searches property names and owners as you type', async () => {
    const p = await open('index.html');
    await typeQuery(p, 'shipping_address');
    expect(await resultNames(p)).toContain('orders');
    await typeQuery(p, 'logistics-data');
    const names = await resultNames(p);
    expect(names.length).toBeGreaterThan(0);
    const teams = await p.locator('#results .card-meta').allTextContents();
    expect(teams.every((t) => t.includes('@acme/logistics-data'))).toBe(true);
    await p.close();
  });

  it('narrows results with facets, combined with the query, and the counts match the results', async () => {
    const p = await open('index.html');
    const total = (await resultNames(p)).length;
    const sales = p.locator('.facet[data-facet="domain"] label', { hasText: /^\s*sales\s/ });
    const salesCount = Number(await sales.locator('.facet-count').textContent());
    await sales.locator('input').check();
    await p.waitForFunction(() => location.search.includes('domain=sales'));
    const names = await resultNames(p);
    expect(names.length).toBe(salesCount);
    expect(names.length).toBeLessThan(total);
    expect(await p.locator('#result-count').textContent()).toBe(`${salesCount} data contracts`);
    expect(await p.locator('#results .card-meta').allTextContents()).toSatisfy((metas: string[]) => metas.every((m) => m.includes('Domain sales')));

    // Another facet's counts now count within sales only, and clicking one gives exactly that many.
    const tier = p.locator('.facet[data-facet="tier"] label').filter({ has: p.locator('.facet-count:not(:text-is("0"))') }).first();
    const tierCount = Number(await tier.locator('.facet-count').textContent());
    await tier.locator('input').check();
    await p.waitForFunction(() => location.search.includes('tier='));
    expect((await resultNames(p)).length).toBe(tierCount);

    // With a query on top.
    await typeQuery(p, 'order');
    const withQuery = await resultNames(p);
    expect(withQuery.length).toBeGreaterThan(0);
    expect(withQuery.length).toBeLessThanOrEqual(tierCount);
    await p.close();
  });

  it('keeps the search in the URL so a link reproduces it', async () => {
    const p = await open('index.html');
    await typeQuery(p, 'returns');
    await p.locator('.facet[data-facet="domain"] label', { hasText: /^\s*sales\s/ }).locator('input').check();
    await p.waitForFunction(() => location.search.includes('domain=sales'));
    const shared = p.url();
    expect(new URL(shared).searchParams.get('q')).toBe('returns');
    const again = await context.newPage();
    watch(again);
    await again.goto(shared);
    expect(await again.inputValue('#q')).toBe('returns');
    expect(await again.locator('.facet[data-facet="domain"] input[value="sales"]').isChecked()).toBe(true);
    expect(await resultNames(again)).toEqual(await resultNames(p));
    await p.close();
    await again.close();
  });

  it('moves through results with the keyboard: / to focus, arrows to move, Enter to open', async () => {
    const p = await open('index.html');
    await p.locator('body').press('/');
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('q');
    await p.keyboard.type('orders');
    await p.waitForFunction(() => location.search.includes('q=orders'));
    await p.keyboard.press('ArrowDown');
    await p.keyboard.press('ArrowDown');
    const second = (await resultNames(p))[1];
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe(second);
    await p.keyboard.press('ArrowUp');
    await Promise.all([p.waitForURL(/contracts\/sales-orders\.html$/), p.keyboard.press('Enter')]);
    expect(await p.locator('h1').textContent()).toBe('orders');
    await p.close();
  });

  it('shows the schema rows of a contract, nested properties included, and SLO status badges', async () => {
    const p = await open('contracts/sales-orders.html');
    for (const property of ['order_id', 'total_amount', 'shipping_address', 'shipping_address.city']) {
      await expect.poll(() => p.locator(`#object-orders tr[data-property="${property}"]`).count()).toBe(1);
    }
    expect(await p.locator('#object-orders tr[data-property="order_id"] .flag-pk').count()).toBe(1);
    const badge = (slo: string) => p.locator(`tr[data-slo="${slo}"] .badge`).textContent();
    expect(await badge('latency')).toBe('Met');
    expect(await badge('availability')).toBe('Breached');
    expect(await badge('frequency')).toBe('At risk');
    expect(await p.locator('tr[data-slo="latency"] time').getAttribute('datetime')).toBe('2025-06-01T11:58:00Z');
    expect(await p.locator('.head-badges').textContent()).toContain('SLO breached');
    await p.close();
  });

  it('navigates along lineage links in the graph', async () => {
    const p = await open('contracts/sales-orders.html');
    const links = p.locator('#lineage svg a.node-link');
    expect(await links.count()).toBeGreaterThan(0);
    const target = links.first();
    const href = (await target.getAttribute('href')) as string;
    const label = (await target.locator('title').textContent()) as string;
    await Promise.all([p.waitForURL(new URL(href, p.url()).href), target.click()]);
    expect(await p.locator('h1').textContent()).toBe(label);
    await p.close();
  });

  it('keeps every XSS payload inert: shown as text, no dialog, no script run', async () => {
    for (const page of ['contracts/xss-payloads.html', 'index.html?q=xsspayload', 'domains/sales.html', 'governance.html', 'lineage.html']) {
      const p = await open(page);
      await p.waitForLoadState('load');
      // Hover and click around where handlers would sit.
      await p.mouse.move(200, 300);
      await p.mouse.move(600, 500);
      expect(await p.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
      await p.close();
    }
    const p = await open('contracts/xss-payloads.html');
    expect(await p.locator('h1').textContent()).toBe('xss_payloads<script>window.__xss=1;alert(1)</script>');
    expect(await p.locator('script:not([src])').count()).toBe(0);
    expect(await p.locator('iframe, object, embed, img, form[action^="javascript:"]').count()).toBe(0);
    expect(await p.locator('a[href^="javascript:"], a[href^="data:"]').count()).toBe(0);
    expect(await p.locator('[onerror], [onload], [onclick], [onmouseover]').count()).toBe(0);
    const home = await open('index.html?q=xsspayload');
    expect(await resultNames(home)).toEqual(['xss_payloads<script>window.__xss=1;alert(1)</script>']);
    await home.close();
    await p.close();
    expect(dialogs).toEqual([]);
  });

  it('has no serious or critical accessibility violations (axe, WCAG 2.1 AA) on home and a contract page, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const page of ['index.html', 'contracts/sales-orders.html', 'lineage.html']) {
        const p = await open(page, { colorScheme });
        await p.addScriptTag({ path: AXE });
        const violations = await p.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
          const result = await axe.run(document, { preload: false, runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
          return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        });
        expect(violations, `${page} (${colorScheme})`).toEqual([]);
        await p.context().close();
      }
    }
  });

  it('prints a contract page without the site chrome, with the schema table and its header row on the page', async () => {
    const p = await open('contracts/sales-orders.html');
    await p.emulateMedia({ media: 'print' });
    const shown = (selector: string) => p.locator(selector).first().evaluate((el) => getComputedStyle(el).display !== 'none');
    expect(await shown('.site-header')).toBe(false);
    expect(await shown('.site-footer')).toBe(false);
    expect(await shown('table')).toBe(true);
    expect(await p.locator('thead').first().evaluate((el) => getComputedStyle(el).display)).toBe('table-header-group');
    // The print colours apply whatever the screen scheme: black on white.
    expect(await p.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    const pdf = await p.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await p.close();
  });

  it('fits a phone screen without horizontal scrolling of the page', async () => {
    for (const page of ['index.html', 'contracts/sales-orders.html']) {
      const p = await open(page, { width: 375 });
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, page).toBeLessThanOrEqual(0);
      await p.context().close();
    }
  });

  it('loads every page from file:// without console errors or failed requests', async () => {
    const pages = ['index.html', 'governance.html', 'lineage.html', 'domains/sales.html', 'contracts/sales-orders.html', 'contracts/finance-invoices.html'];
    for (const page of pages) {
      const p = await open(page);
      await p.waitForLoadState('load');
      await p.close();
    }
    expect(problems).toEqual([]);
  });
});
