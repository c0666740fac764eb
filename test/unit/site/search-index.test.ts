// The prebuilt search index finds contracts the way the client script queries it.
import path from 'node:path';
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMesh } from '../../../src/load/load-mesh.js';
import type { ContractSummary } from '../../../src/site/model.js';
import { buildSearchPayload, indexTerm, patchSearchPayload, searchScript, type SearchPayload } from '../../../src/site/search-index.js';
import { buildSite } from '../../../src/site/site-model.js';

const ROOT = path.resolve('test/fixtures/site/mesh');
let payload: SearchPayload;
let cards: ContractSummary[];
let search: (q: string) => string[];

beforeAll(async () => {
  const { mesh } = await loadMesh('contracts', { root: ROOT, cwd: ROOT });
  const site = buildSite({ mesh, generatedAt: '2025-06-02T00:00:00Z' });
  cards = site.contracts.map((c) => c.summary);
  payload = buildSearchPayload(cards);
  // The same round trip the browser does: JSON text in, loadJS with the same fields.
  const stop = new Set(payload.stop);
  const index = MiniSearch.loadJS(JSON.parse(JSON.stringify(payload.index)), { fields: [...payload.fields], idField: 'id', processTerm: (t) => (stop.has(t.toLowerCase()) ? null : t.toLowerCase()) });
  const fuzzy = (term: string) => (term.length < 4 ? false : term.length < 6 ? 1 : 2);
  search = (q) => index.search(q, { prefix: true, fuzzy, combineWith: 'AND' }).map((r) => payload.docs[r.id as number].n);
});

describe('search index', () => {
  it('finds a contract by name, by a typo and by a prefix', () => {
    expect(search('invoices')[0]).toBe('invoices');
    expect(search('invocies')[0]).toBe('invoices');
    expect(search('paym')).toEqual(['payments']);
  });

  it('finds contracts by property name, tag, owner and description words', () => {
    expect(search('postal_code')).toEqual(['orders']);
    expect(search('stream')).toEqual(['payments']);
    expect(search('shop-data')[0]).toBe('orders');
    expect(search('billing-data').sort()).toEqual(['invoices', 'payments']);
    expect(search('settle')).toEqual(['payments']);
  });

  it('leaves stop words out of queries and numbers out of everything but names', () => {
    expect(search('the invoices')[0]).toBe('invoices');
    expect(indexTerm('The')).toBeNull();
    expect(indexTerm('12', 'properties')).toBeNull();
    expect(indexTerm('12', 'name')).toBe('12');
  });

  it('carries what result cards and facets need', () => {
    const orders = payload.docs.find((d) => d.n === 'orders');
    expect(orders).toMatchObject({ h: 'contracts/shop-orders.html', d: 'shop', m: '@acme/shop-data', st: 'active', ti: '1', c: 'restricted', g: ['orders', 'batch'], sv: ['snowflake'] });
  });

  it('is shipped as a script that assigns one global', () => {
    expect(searchScript(payload)).toMatch(/^window\.__MESH_SEARCH__=\{.*\};\n$/s);
  });

  it('lists its terms in code-unit order, so equal cards always give equal bytes', () => {
    const terms = (payload.index as { index: [string, unknown][] }).index.map(([term]) => term);
    expect(terms.length).toBeGreaterThan(20);
    expect(terms).toEqual([...terms].sort());
    expect(searchScript(buildSearchPayload([...cards]))).toBe(searchScript(payload));
  });
});

describe('patching the search index after edits', () => {
  const edits: ((c: ContractSummary) => ContractSummary)[] = [
    (c) => ({ ...c, propertyNames: [...c.propertyNames, 'refund_reason', 'refunded_at'] }),
    (c) => ({ ...c, name: 'settled_payments', summary: 'Payments once the bank confirms them, refreshed every hour.' }),
    (c) => ({ ...c, tags: [], owners: ['@acme/new-owners'], propertyNames: c.propertyNames.slice(1) }),
    (c) => ({ ...c, summary: '', domain: undefined, dataProduct: 'settlement', version: '9.0.0' }),
  ];

  it('gives, edit after edit, the very payload a fresh build gives', () => {
    const patched = buildSearchPayload(cards);
    let current = [...cards];
    edits.forEach((edit, i) => {
      const position = i % current.length;
      const after = edit(current[position]);
      expect(patchSearchPayload(patched, [{ position, before: current[position], after }])).toBe(true);
      current = current.map((c, j) => (j === position ? after : c));
      expect(searchScript(patched)).toBe(searchScript(buildSearchPayload(current)));
    });
  });

  it('patches several cards at once', () => {
    const patched = buildSearchPayload(cards);
    const current = cards.map((c, i) => edits[i % edits.length](c));
    expect(patchSearchPayload(patched, cards.map((before, position) => ({ position, before, after: current[position] })))).toBe(true);
    expect(searchScript(patched)).toBe(searchScript(buildSearchPayload(current)));
  });

  it('refuses a card it does not hold, so the caller builds afresh', () => {
    const patched = buildSearchPayload(cards);
    const stranger = { ...cards[0], propertyNames: ['never_indexed_anywhere'] };
    expect(patchSearchPayload(patched, [{ position: 0, before: stranger, after: cards[0] }])).toBe(false);
  });
});
