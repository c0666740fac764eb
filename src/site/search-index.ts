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

/** MiniSearch's serialised index (serializationVersion 2), the parts this module reads and patches. */
interface IndexJson {
  documentCount: number;
  fieldIds: Record<string, number>;
  fieldLength: Record<string, number[]>;
  averageFieldLength: number[];
  /** [term, {fieldId: {documentId: frequency}}], terms in code-unit order (see buildSearchPayload). */
  index: [string, Record<string, Record<string, number>>][];
  [key: string]: unknown;
}

function byTerm(a: [string, unknown], b: [string, unknown]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/**
 * The index MiniSearch builds from the cards, with its terms listed in code-unit order rather than
 * in the order of MiniSearch's tree: the same cards always give the same bytes, however the index
 * was reached (a full build, or patchSearchPayload after edits). The browser's loadJS rebuilds the
 * same index from either order.
 */
export function buildSearchPayload(summaries: readonly ContractSummary[]): SearchPayload {
  const index = new MiniSearch<Record<string, string | number>>({ fields: [...SEARCH_FIELDS], idField: 'id', processTerm: indexTerm });
  index.addAll(summaries.map((s, id) => searchDocument(s, id)));
  const json = index.toJSON() as unknown as IndexJson;
  json.index.sort(byTerm);
  return { fields: SEARCH_FIELDS, stop: STOP_WORDS, index: json, docs: summaries.map(searchRecord) };
}

const tokenize = MiniSearch.getDefault('tokenize') as (text: string, field: string) => string[];

/** A document's terms per field as MiniSearch counts them: term frequencies and the field length (distinct raw tokens). */
function fieldTerms(document: Record<string, string | number>, field: string): { length: number; freqs: Map<string, number> } {
  const tokens = tokenize(String(document[field]), field);
  const freqs = new Map<string, number>();
  for (const token of tokens) {
    const term = indexTerm(token, field);
    if (term) freqs.set(term, (freqs.get(term) ?? 0) + 1);
  }
  return { length: new Set(tokens).size, freqs };
}

/** Term -> postings of each payload patched so far (the postings objects are those of payload.index). */
const termLookups = new WeakMap<SearchPayload, Map<string, Record<string, Record<string, number>>>>();

/**
 * Replaces the cards at some positions of a payload (same number of contracts) in place, giving the
 * payload buildSearchPayload gives for the new cards: the positions' postings are taken out and put
 * back, field lengths and their averages recomputed in MiniSearch's order. Returns false when it
 * cannot (the index is not in the expected format, or does not hold a card it should): the payload
 * may then be half patched, and the caller must build afresh.
 */
export function patchSearchPayload(payload: SearchPayload, changes: readonly { position: number; before: ContractSummary; after: ContractSummary }[]): boolean {
  const json = payload.index as IndexJson;
  if (!json || json.serializationVersion !== 2 || !Array.isArray(json.index)) return false;
  let lookup = termLookups.get(payload);
  if (!lookup) termLookups.set(payload, (lookup = new Map(json.index)));
  const added: string[] = [];
  let removed = false;
  for (const { position, before, after } of changes) {
    if (position >= json.documentCount) return false;
    const id = String(position);
    const old = searchDocument(before, position);
    const next = searchDocument(after, position);
    const lengths: number[] = [];
    for (const field of SEARCH_FIELDS) {
      const fieldId = String(json.fieldIds[field]);
      for (const term of fieldTerms(old, field).freqs.keys()) {
        const data = lookup.get(term);
        const docs = data?.[fieldId];
        if (!data || !docs) return false;
        delete docs[id];
        if (Object.keys(docs).length === 0) delete data[fieldId];
        if (Object.keys(data).length === 0) {
          lookup.delete(term);
          removed = true;
        }
      }
      const { length, freqs } = fieldTerms(next, field);
      lengths[json.fieldIds[field]] = length;
      for (const [term, freq] of freqs) {
        let data = lookup.get(term);
        if (!data) {
          data = {};
          lookup.set(term, data);
          added.push(term);
        }
        (data[fieldId] ??= {})[id] = freq;
      }
    }
    json.fieldLength[id] = lengths;
    payload.docs[position] = searchRecord(after);
  }
  // Averages as MiniSearch keeps them: updated document by document, in order.
  const averages: number[] = [];
  for (let doc = 0; doc < json.documentCount; doc++) {
    const lengths = json.fieldLength[String(doc)] ?? [];
    lengths.forEach((length, fieldId) => (averages[fieldId] = ((averages[fieldId] || 0) * doc + length) / (doc + 1)));
  }
  json.averageFieldLength = averages;
  if (removed || added.length > 0) json.index = [...lookup].sort(byTerm);
  return true;
}

/** The JS asset: assigns the payload to a global the site script reads. */
export function searchScript(payload: SearchPayload): string {
  return `window.__MESH_SEARCH__=${JSON.stringify(payload)};\n`;
}
