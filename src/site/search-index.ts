// The client-side search: a MiniSearch index built at build time over names, descriptions, property
// names, tags and owners, plus one compact record per contract for result cards and facet counts.
// The client script loads both from a JS file (a <script> tag works from file://, fetch() does not).
import MiniSearch from 'minisearch';
import type { ContractSummary } from './model.js';

/** Fields indexed, in the order of their weight in the client's boost settings. */
export const SEARCH_FIELDS = ['name', 'title', 'tags', 'summary', 'properties', 'owners', 'domain', 'product'] as const;

/** One contract as the client script sees it (short keys keep the payload small at 10k contracts). */
export interface SearchRecord {
  /** root-relative page path */
  h: string;
  n: string;
  t: string;
  s: string;
  d?: string;
  dh?: string;
  m?: string;
  st: string;
  sto: string;
  v: string;
  ti?: string;
  c?: string;
  g: string[];
  sv: string[];
  p?: string;
  slo?: [string, string];
}

/**
 * Words too common to help find a contract; left out of the index (and dropped from queries by the
 * client) so that every posting list in the index is worth its bytes.
 */
export const STOP_WORDS = ['a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'has', 'in', 'is', 'it', 'its', 'of', 'on', 'or', 'per', 'that', 'the', 'this', 'to', 'was', 'with'];
const STOP = new Set(STOP_WORDS);

/**
 * Index-time term processing: lower case, no stop words, and no bare numbers outside the name
 * (numbered column suffixes like `amount_12` would otherwise fill the index with noise).
 */
export function indexTerm(term: string, field?: string): string | null {
  const t = term.toLowerCase();
  if (STOP.has(t)) return null;
  if (field !== 'name' && /^\d+$/.test(t)) return null;
  return t;
}

export interface SearchPayload {
  fields: readonly string[];
  /** Stop words the client drops from queries. */
  stop: readonly string[];
  index: unknown;
  docs: SearchRecord[];
}

export function searchRecord(s: ContractSummary): SearchRecord {
  const record: SearchRecord = { h: s.href, n: s.name, t: s.title, s: s.summary, st: s.status, sto: s.statusBadge.tone, v: s.version, g: s.tags, sv: s.serverTypes };
  if (s.domain) record.d = s.domain;
  if (s.domainHref) record.dh = s.domainHref;
  if (s.team) record.m = s.team;
  if (s.tier) record.ti = s.tier;
  if (s.classification) record.c = s.classification;
  if (s.dataProduct) record.p = s.dataProduct;
  if (s.sloBadge) record.slo = [s.sloBadge.label, s.sloBadge.tone];
  return record;
}

/** What the index stores of one contract (its fields, as MiniSearch indexes them). */
export function searchDocument(s: ContractSummary, id: number): Record<string, string | number> {
  return {
    id,
    name: s.name === s.id ? s.name : `${s.name} ${s.id}`,
    title: s.title,
    tags: s.tags.join(' '),
    summary: s.summary,
    properties: s.propertyNames.join(' '),
    owners: [...new Set([s.team, ...s.owners].filter(Boolean))].join(' '),
    domain: s.domain ?? '',
    product: s.dataProduct ?? '',
  };
}

/** Everything of a card the search payload depends on (a rebuild skips the index when none of it changed). */
export function searchInput(s: ContractSummary): string {
  return JSON.stringify([searchDocument(s, 0), searchRecord(s)]);
}

export function buildSearchPayload(summaries: readonly ContractSummary[]): SearchPayload {
  const index = new MiniSearch<Record<string, string | number>>({ fields: [...SEARCH_FIELDS], idField: 'id', processTerm: indexTerm });
  index.addAll(summaries.map((s, id) => searchDocument(s, id)));
  return { fields: SEARCH_FIELDS, stop: STOP_WORDS, index: index.toJSON(), docs: summaries.map(searchRecord) };
}

/** The JS asset: assigns the payload to a global the site script reads. */
export function searchScript(payload: SearchPayload): string {
  return `window.__MESH_SEARCH__=${JSON.stringify(payload)};\n`;
}
