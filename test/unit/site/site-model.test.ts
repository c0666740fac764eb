// What each page of the site shows, on the fixture mesh (test/fixtures/site/mesh): rows, badges,
// owners, lineage edges, facets, domain policy and governance. Snapshot-free: each test names facts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMesh } from '../../../src/load/load-mesh.js';
import type { Mesh } from '../../../src/model/mesh.js';
import { qualityView } from '../../../src/site/schema-rows.js';
import { buildSite, type Site } from '../../../src/site/site-model.js';
import type { SloStatusReport } from '../../../src/slo/status.js';

const ROOT = path.resolve('test/fixtures/site/mesh');
let mesh: Mesh;
let site: Site;
const slo = JSON.parse(readFileSync(path.join(ROOT, 'slo-status.json'), 'utf8')) as SloStatusReport;

beforeAll(async () => {
  ({ mesh } = await loadMesh('contracts', { root: ROOT, cwd: ROOT }));
  site = buildSite({ mesh, sloStatus: slo, generatedAt: '2025-06-02T00:00:00Z', lintFindings: [] });
});

const entry = (id: string) => {
  const found = site.contracts.find((c) => c.summary.id === id);
  if (!found) throw new Error(`no contract ${id}`);
  return found;
};

describe('home page', () => {
  it('lists every contract with its href, status badge and tier', () => {
    expect(site.home.total).toBe(3);
    const orders = entry('shop-orders').summary;
    expect(orders.href).toBe('contracts/shop-orders.html');
    expect(orders.statusBadge).toEqual({ label: 'active', tone: 'ok' });
    expect(orders.tier).toBe('1');
    expect(entry('billing-payments').summary.statusBadge.tone).toBe('info');
  });

  it('takes the tier from the contract, else from its domain', () => {
    expect(entry('shop-orders').summary.tier).toBe('1');
    expect(entry('billing-invoices').summary.tier).toBe('2');
  });

  it('counts facet values over all contracts', () => {
    const facet = (key: string) => Object.fromEntries(site.home.facets.find((f) => f.key === key)?.values.map((v) => [v.value, v.count]) ?? []);
    expect(facet('domain')).toEqual({ billing: 2, shop: 1 });
    expect(facet('team')).toEqual({ '@acme/billing-data': 2, '@acme/shop-data': 1 });
    expect(facet('tags')).toMatchObject({ finance: 2, orders: 1, stream: 1 });
    expect(facet('serverTypes')).toEqual({ snowflake: 1, s3: 1, kafka: 1 });
    expect(facet('status')).toEqual({ active: 2, draft: 1 });
  });

  it('gives a contract the highest classification of its properties (unclassified ones count as the default)', () => {
    expect(entry('shop-orders').summary.classification).toBe('restricted');
    expect(entry('billing-invoices').summary.classification).toBe('internal');
  });

  it('summarises the purpose as plain text, Markdown removed', () => {
    expect(entry('shop-orders').summary.summary).toBe('Every order placed in the web shop, one row per order.');
  });

  it('lists domains with their contract counts', () => {
    expect(site.home.domains.map((d) => [d.name, d.count, d.href])).toEqual([
      ['billing', 2, 'domains/billing.html'],
      ['shop', 1, 'domains/shop.html'],
    ]);
  });
});

describe('contract page', () => {
  it('shows one schema row per property, nested object and array item properties under their parent', () => {
    const [orders] = entry('shop-orders').page().objects;
    expect(orders.rows.map((r) => [r.path, r.depth])).toEqual([
      ['order_id', 0],
      ['email', 0],
      ['delivery', 0],
      ['delivery.city', 1],
      ['delivery.postal_code', 1],
      ['lines', 0],
      ['lines[].sku', 1],
      ['lines[].quantity', 1],
      ['loaded_at', 0],
    ]);
    expect(orders.rows.find((r) => r.name === 'lines')?.logicalType).toBe('array<object>');
  });

  it('marks keys, required and unique properties and lists constraints and examples', () => {
    const rows = entry('shop-orders').page().objects[0].rows;
    const id = rows.find((r) => r.name === 'order_id');
    expect(id).toMatchObject({ primaryKey: true, primaryKeyPosition: 1, required: true, unique: true, constraints: ['format uuid'], physicalType: 'VARCHAR(36)' });
    expect(rows.find((r) => r.name === 'email')).toMatchObject({ classification: 'restricted', classificationTone: 'bad', tags: ['pii'], examples: ['ada@example.com'] });
    expect(rows.find((r) => r.path === 'lines[].quantity')?.constraints).toEqual(['minimum 1']);
  });

  it('puts quality rules next to the property they check and object rules on the object', () => {
    const [orders] = entry('shop-orders').page().objects;
    expect(orders.rows.find((r) => r.name === 'order_id')?.quality.map((q) => q.label)).toEqual(['no duplicate values']);
    expect(orders.quality.map((q) => [q.label, q.description])).toEqual([['row count > 0', 'Never empty after a load.']]);
  });

  it('reads quality rules as short sentences', () => {
    expect(qualityView({ type: 'library', metric: 'invalidValues', arguments: { validValues: ['a', 'b'] }, mustBe: 0 }).label).toBe('allowed values: a, b');
    expect(qualityView({ type: 'library', metric: 'nullValues', mustBeLessThan: 5, unit: 'percent' }).label).toBe('null values < 5 percent');
    expect(qualityView({ type: 'sql', query: 'SELECT 1', mustBe: 0, description: 'd' })).toMatchObject({ label: 'SQL check = 0', query: 'SELECT 1', description: 'd' });
    expect(qualityView({ type: 'text', description: 'Reviewed monthly.' }).label).toBe('Reviewed monthly.');
  });

  it('includes properties pulled in with $ref', () => {
    const row = entry('shop-orders').page().objects[0].rows.find((r) => r.name === 'loaded_at');
    expect(row).toMatchObject({ logicalType: 'timestamp', tags: ['audit'], required: true });
  });

  it('shows each SLO target with its current status badge and measurement time', () => {
    const slos = entry('shop-orders').page().slos;
    expect(slos.map((s) => [s.property, s.target, s.badge?.label, s.observedAt ?? null])).toEqual([
      ['latency', '1 h', 'Met', '2025-06-01T11:55:00Z'],
      ['availability', '99.9 %', 'Breached', '2025-06-01T11:00:00Z'],
      ['retention', '2 y', 'Unknown', null],
    ]);
    expect(entry('shop-orders').summary.sloBadge).toEqual(expect.objectContaining({ label: 'SLO breached', tone: 'bad' }));
    expect(entry('billing-invoices').summary.sloBadge?.label).toBe('SLO at risk');
  });

  it('shows no SLO status when the build has no SLO evaluation', () => {
    const plain = buildSite({ mesh, generatedAt: '2025-06-02T00:00:00Z' });
    const page = plain.contracts.find((c) => c.summary.id === 'shop-orders')?.page();
    expect(page?.slos.map((s) => s.badge)).toEqual([undefined, undefined, undefined]);
    expect(page?.sloEvaluatedAt).toBeUndefined();
  });

  it('names the owner team, the CODEOWNERS owners and the rule that gives them', () => {
    const page = entry('shop-orders').page();
    expect(page.team).toMatchObject({ name: '@acme/shop-data', url: 'https://github.com/orgs/acme/teams/shop-data', members: [{ name: 'Ada Lovelace', username: 'ada', role: 'owner' }] });
    expect(page.owners).toEqual([{ handle: '@acme/shop-data', url: 'https://github.com/orgs/acme/teams/shop-data' }]);
    expect(page.codeownersRule).toBe('CODEOWNERS:2 /contracts/shop/');
  });

  it('renders the description from Markdown and keeps usage and limitations under terms', () => {
    const page = entry('shop-orders').page();
    expect(page.purpose?.html).toBe('<p>Every <strong>order</strong> placed in the web shop, one row per order.</p>\n');
    expect(page.terms.map((t) => t.title)).toEqual(['Usage', 'Limitations']);
    expect(page.price).toBe('0 EUR per month');
  });

  it('lists servers with their type, environment and connection details', () => {
    expect(entry('shop-orders').page().servers).toEqual([
      { name: 'warehouse', type: 'snowflake', environment: 'prod', description: undefined, details: [{ key: 'account', value: 'acme' }, { key: 'database', value: 'SHOP' }] },
    ]);
  });

  it('offers the ODCS YAML and one JSON Schema per object for download', () => {
    expect(entry('shop-orders').page().downloads).toEqual([
      { label: 'ODCS YAML', href: 'downloads/shop-orders/shop-orders.odcs.yaml' },
      { label: 'JSON Schema: orders', href: 'downloads/shop-orders/orders.schema.json' },
    ]);
  });

  it('lists the current version when there is no history', () => {
    expect(entry('billing-payments').page().versions).toEqual([{ version: '0.3.0', breakingLabel: 'First version', current: true }]);
  });
});

describe('lineage', () => {
  it('derives upstream and downstream contracts from ODPS ports', () => {
    const lineage = entry('billing-invoices').page().lineage;
    expect(lineage.upstream).toEqual([{ label: 'orders', href: 'contracts/shop-orders.html' }]);
    expect(lineage.downstream).toEqual([{ label: 'payments', href: 'contracts/billing-payments.html' }]);
    expect(lineage.products).toEqual(['invoicing', 'settlement']);
  });

  it('draws the neighbourhood with links to the neighbours and the contract itself highlighted', () => {
    const graph = entry('billing-invoices').page().lineage.graph;
    expect(graph?.edges.map((e) => `${e.from} -> ${e.to}`).sort()).toEqual([
      'c:billing-invoices -> p:billing-settlement',
      'c:shop-orders -> p:billing-invoicing',
      'p:billing-invoicing -> c:billing-invoices',
      'p:billing-settlement -> c:billing-payments',
    ]);
    const nodes = Object.fromEntries(graph?.nodes.map((n) => [n.id, n]) ?? []);
    expect(nodes['c:shop-orders'].href).toBe('contracts/shop-orders.html');
    expect(nodes['c:billing-invoices']).toMatchObject({ focus: true, href: undefined });
    expect(nodes['p:billing-invoicing'].kind).toBe('product');
    // Left to right: upstream contract, product, the contract, product, downstream contract.
    expect(nodes['c:shop-orders'].x).toBeLessThan(nodes['p:billing-invoicing'].x);
    expect(nodes['p:billing-invoicing'].x).toBeLessThan(nodes['c:billing-invoices'].x);
    expect(nodes['c:billing-invoices'].x).toBeLessThan(nodes['c:billing-payments'].x);
    expect(graph?.edges.every((e) => e.d.startsWith('M'))).toBe(true);
  });

  it('has no graph for a contract no product uses', async () => {
    const lonely = buildSite({ mesh: { ...mesh, products: [] }, generatedAt: '2025-06-02T00:00:00Z' });
    const page = lonely.contracts[0].page();
    expect(page.lineage).toMatchObject({ upstream: [], downstream: [], graph: undefined });
  });

  it('shows every product edge and the flows between domains on the lineage page', () => {
    expect(site.lineage.edges.map((e) => [e.from.label, e.via, e.to.label])).toEqual([
      ['orders', 'invoicing', 'invoices'],
      ['invoices', 'settlement', 'payments'],
    ]);
    expect(site.lineage.domainGraph?.edges.map((e) => `${e.from} -> ${e.to}`)).toEqual(['d:shop -> d:billing']);
    expect(site.lineage.graph?.nodes).toHaveLength(5);
  });
});

describe('domain page', () => {
  it('shows owners, contracts and products of the domain', () => {
    const billing = site.domains.find((d) => d.name === 'billing');
    expect(billing?.owners.map((o) => o.handle)).toEqual(['@acme/billing-data']);
    expect(billing?.contracts.map((c) => c.id)).toEqual(['billing-invoices', 'billing-payments']);
    expect(billing?.products.map((p) => [p.name, p.inputs.map((l) => l.label), p.outputs.map((l) => l.label)])).toEqual([
      ['invoicing', ['orders'], ['invoices']],
      ['settlement', ['invoices'], ['payments']],
    ]);
    expect(billing?.tier).toBe('2');
  });

  it('lists policy overrides next to the global value they tighten', () => {
    const billing = site.domains.find((d) => d.name === 'billing');
    expect(billing?.policy).toEqual([
      { key: 'personalData.maxRetention', value: 'P2Y', global: 'P3Y' },
      { key: 'requiredFields', value: 'servers', global: 'description, team, support' },
    ]);
    expect(site.domains.find((d) => d.name === 'shop')?.policy).toEqual([]);
  });
});

describe('governance page', () => {
  it('shows the global policy: classification, tiers, naming, rule severities', () => {
    const g = site.governance;
    expect(g.classification).toEqual(['public', 'internal', 'confidential', 'restricted']);
    expect(g.tiers.map((t) => [t.tier, t.requiredSla, t.floors, t.ceilings])).toEqual([
      ['1', ['latency', 'availability'], [{ key: 'availability', value: '99.5' }], [{ key: 'latency', value: 'PT1H' }]],
      ['3', ['retention'], [], []],
    ]);
    expect(g.ruleOverrides).toEqual([{ key: 'naming/property', value: 'warning' }]);
    expect(g.domainOverrides.map((d) => d.domain)).toEqual(['Billing']);
  });

  it('lists lint findings with a link to the contract they are about, and counts them', () => {
    const file = mesh.contracts.find((c) => c.data.id === 'billing-payments')?.file as string;
    const withFindings = buildSite({
      mesh,
      generatedAt: '2025-06-02T00:00:00Z',
      lintFindings: [{ file, line: 3, column: 1, rule: 'sla/tier-required', severity: 'error', message: 'tier 2 needs latency' }],
    });
    expect(withFindings.governance.counts).toEqual({ error: 1, warning: 0, info: 0 });
    expect(withFindings.governance.findings[0]).toMatchObject({ rule: 'sla/tier-required', href: 'contracts/billing-payments.html' });
    expect(withFindings.contracts.find((c) => c.summary.id === 'billing-payments')?.page().findings).toHaveLength(1);
    expect(withFindings.governance.linted).toBe(true);
    expect(buildSite({ mesh, generatedAt: 'x' }).governance.linted).toBe(false);
  });
});
