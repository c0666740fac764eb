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

export interface SearchPayload {
  fields: readonly string[];
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

export function buildSearchPayload(summaries: readonly ContractSummary[]): SearchPayload {
  const index = new MiniSearch<Record<string, string | number>>({ fields: [...SEARCH_FIELDS], idField: 'id' });
  index.addAll(
    summaries.map((s, id) => ({
      id,
      name: `${s.name} ${s.id}`,
      title: s.title,
      tags: s.tags.join(' '),
      summary: s.summary,
      properties: s.propertyNames.join(' '),
      owners: [s.team, ...s.owners].filter(Boolean).join(' '),
      domain: s.domain ?? '',
      product: s.dataProduct ?? '',
    })),
  );
  return { fields: SEARCH_FIELDS, index: index.toJSON(), docs: summaries.map(searchRecord) };
}

/** The JS asset: assigns the payload to a global the site script reads. */
export function searchScript(payload: SearchPayload): string {
  return `window.__MESH_SEARCH__=${JSON.stringify(payload)};\n`;
}
