// The whole site as data: home (cards + facets), one entry per contract (its page is built on demand
// so a large mesh never holds every page in memory), domain pages, governance and lineage pages.
// siteBase is the part that needs no contract's schema, so a build can stream whole contracts
// through it one at a time (see build-site.ts).
import path from 'node:path';
import type { Finding } from '../finding.js';
import type { LoadedDocument } from '../model/document.js';
import { domainOf, type Mesh } from '../model/mesh.js';
import { ownersOf, parseCodeowners } from '../ownership/codeowners.js';
import type { SloStatusReport } from '../slo/status.js';
import { contractPage, contractSummary, type ContractContext } from './contract-page.js';
import { domainGraph, fullGraph, layoutGraph, lineageIndex, productPorts, type GraphInput, type LineageIndex } from './lineage.js';
import { renderMarkdown } from './markdown.js';
import type { ContractPage, ContractSummary, DomainPage, Facet, FindingView, GovernancePage, HomePage, KeyValue, LineageGraph, LineagePage, Link, PolicyRow, VersionView } from './model.js';
import { resultsByContract } from './slo-view.js';
import { githubTeamUrl, PAGES, safeExternalUrl, uniqueSlugs } from './urls.js';
import { display, isRecord, records, str, strings, unique } from './values.js';

export interface SiteInputs {
  mesh: Mesh;
  sloStatus?: SloStatusReport;
  /** Lint findings on the mesh; undefined when lint was not run. */
  lintFindings?: readonly Finding[];
  /** Findings of loading (files that did not parse). */
  loadFindings?: readonly Finding[];
  /** Versions per contract file (absolute path), from git history. */
  versions?: ReadonlyMap<string, VersionView[]>;
  baseUrl?: string;
  title?: string;
  generatedAt: string;
  /** Lays out the lineage page's graphs (default layoutGraph; `mesh site serve` passes a memoised one). */
  layout?: (graph: GraphInput) => LineageGraph;
}

export interface ContractEntry {
  doc: LoadedDocument;
  summary: ContractSummary;
  context: ContractContext;
  /** Builds the full page model (schema rows, lineage layout, ...). */
  page(): ContractPage;
}

export interface Site {
  title: string;
  baseUrl?: string;
  generatedAt: string;
  home: HomePage;
  contracts: ContractEntry[];
  domains: DomainPage[];
  governance: GovernancePage;
  lineage: LineagePage;
}

/** Largest lineage graph drawn in full on the lineage page (bigger meshes get the domain graph only). */
export const FULL_GRAPH_LIMIT = 300;
/** Cards rendered into the home page HTML; the search script renders the rest from the index. */
export const HOME_RENDERED_LIMIT = 500;

function policyOf(mesh: Mesh): Record<string, unknown> {
  return mesh.policy?.data ?? {};
}

function levelsOf(policy: Record<string, unknown>): { levels: string[]; defaultClassification?: string } {
  const c = isRecord(policy.classification) ? policy.classification : {};
  return { levels: strings(c.levels), defaultClassification: str(c.default) };
}

function repoRelative(mesh: Mesh, absPath: string): string {
  return path.relative(mesh.root, absPath).split(path.sep).join('/');
}

function findingView(f: Finding, hrefByFile: Map<string, string>): FindingView {
  return { file: f.file, line: f.line, rule: f.rule, severity: f.severity, message: f.message, fix: f.fix, href: hrefByFile.get(f.file) };
}

function domainOwner(doc: LoadedDocument | undefined): string | undefined {
  return doc ? (str(doc.data.owner) ?? str(doc.data.team)) : undefined;
}

/** One contract before its full document is read: where it sits in the site and what its page gets. */
export interface ContractSlot {
  /** The document as loaded for the mesh: it may be a summary without `schema` (see siteBase). */
  doc: LoadedDocument;
  context: ContractContext;
}

/**
 * Everything of the site that needs no contract's schema: slugs, links, lineage, owners, findings
 * and each contract's page context. A build streams the contracts through it (full document in,
 * page and card out, document dropped) and then finishes the aggregate pages from the cards.
 */
export interface SiteBase {
  title: string;
  baseUrl?: string;
  generatedAt: string;
  contracts: ContractSlot[];
  finish(summaries: readonly ContractSummary[]): Pick<Site, 'home' | 'domains' | 'governance' | 'lineage'>;
}

export function siteBase(inputs: SiteInputs): SiteBase {
  const { mesh } = inputs;
  const policy = policyOf(mesh);
  const { levels, defaultClassification } = levelsOf(policy);
  const defaultTier = str(policy.defaultTier);
  const codeowners = mesh.codeowners ? parseCodeowners(mesh.codeowners.text, mesh.codeowners.file) : undefined;
  const slo = resultsByContract(inputs.sloStatus);

  const contracts = [...mesh.contracts].sort((a, b) => (str(a.data.id) ?? a.file).localeCompare(str(b.data.id) ?? b.file));
  const slugs = uniqueSlugs(contracts.map((doc) => str(doc.data.id) ?? path.basename(doc.file).replace(/\.odcs\.ya?ml$/, '')));
  const domainNames = unique([...mesh.domains.keys(), ...contracts.map((doc) => domainOf(mesh, doc)).filter((d): d is string => d !== undefined)]).sort();
  const domainSlugs = new Map(domainNames.map((d, i) => [d, uniqueSlugs(domainNames)[i]]));

  const byId = new Map<string, Link>();
  contracts.forEach((doc, i) => {
    const id = str(doc.data.id);
    if (id && !byId.has(id)) byId.set(id, { label: str(doc.data.name) ?? id, href: PAGES.contract(slugs[i]) });
  });
  const linkTo = (id: string) => byId.get(id);
  const domainOfId = new Map<string, string>();
  contracts.forEach((doc) => {
    const id = str(doc.data.id);
    const d = domainOf(mesh, doc);
    if (id && d) domainOfId.set(id, d);
  });

  const lineage: LineageIndex = lineageIndex(mesh.products.map((p) => productPorts(p.data, path.basename(p.file))));
  const allFindings = [...(inputs.loadFindings ?? []), ...(inputs.lintFindings ?? [])];
  const hrefByFile = new Map<string, string>(contracts.map((doc, i) => [doc.file, PAGES.contract(slugs[i])]));
  const findingsByFile = new Map<string, FindingView[]>();
  for (const f of allFindings) {
    const list = findingsByFile.get(f.file) ?? [];
    list.push(findingView(f, hrefByFile));
    findingsByFile.set(f.file, list);
  }

  const slots: ContractSlot[] = contracts.map((doc, i) => {
    const domain = domainOf(mesh, doc);
    const domainDoc = domain ? mesh.domains.get(domain) : undefined;
    const sourceFile = repoRelative(mesh, doc.absPath);
    const owned = codeowners ? ownersOf(codeowners, sourceFile) : { owners: [] as string[] };
    const id = str(doc.data.id) ?? slugs[i];
    const context: ContractContext = {
      slug: slugs[i],
      domain,
      domainSlug: domain ? domainSlugs.get(domain) : undefined,
      domainTier: domainDoc ? str(domainDoc.data.tier) : undefined,
      defaultTier,
      levels,
      defaultClassification,
      owners: owned.owners,
      codeownersRule: owned.rule && codeowners ? `${codeowners.file}:${owned.rule.line} ${owned.rule.pattern}` : undefined,
      sloResults: inputs.sloStatus ? (slo.get(id) ?? []) : undefined,
      sloEvaluatedAt: inputs.sloStatus?.evaluatedAt,
      lineage,
      linkTo,
      versions: inputs.versions?.get(doc.absPath),
      findings: findingsByFile.get(doc.file) ?? [],
      sourceFile,
    };
    return { doc, context };
  });

  return {
    title: inputs.title ?? 'Data mesh catalog',
    baseUrl: inputs.baseUrl,
    generatedAt: inputs.generatedAt,
    contracts: slots,
    finish(summaries) {
      const byDomain = groupBy(summaries, (s) => s.domain);
      const productsByDomain = groupBy(mesh.products, (p) => domainOf(mesh, p));
      const domains: DomainPage[] = domainNames.map((name) => domainPage(name, domainSlugs.get(name) ?? name, mesh, byDomain.get(name) ?? [], productsByDomain.get(name) ?? [], linkTo, policy, codeowners));
      return {
        home: homePage(summaries, domains, mesh),
        domains,
        governance: governancePage(mesh, policy, domains, allFindings, hrefByFile, inputs.lintFindings !== undefined),
        lineage: lineagePage(lineage, linkTo, (id) => domainOfId.get(id), (d) => (domainSlugs.has(d) ? PAGES.domain(domainSlugs.get(d) as string) : undefined), inputs.layout ?? layoutGraph),
      };
    },
  };
}

/** The whole site at once, from a mesh of whole contracts (small meshes and tests; builds stream, see siteBase). */
export function buildSite(inputs: SiteInputs): Site {
  const base = siteBase(inputs);
  const entries: ContractEntry[] = base.contracts.map(({ doc, context }) => ({ doc, context, summary: contractSummary(doc, context), page: () => contractPage(doc, context) }));
  return { title: base.title, baseUrl: base.baseUrl, generatedAt: base.generatedAt, contracts: entries, ...base.finish(entries.map((e) => e.summary)) };
}

export const FACETS: { key: keyof FacetSource; label: string }[] = [
  { key: 'domain', label: 'Domain' },
  { key: 'team', label: 'Owner team' },
  { key: 'tags', label: 'Tag' },
  { key: 'classification', label: 'Classification' },
  { key: 'status', label: 'Status' },
  { key: 'tier', label: 'Tier' },
  { key: 'serverTypes', label: 'Server type' },
];

type FacetSource = Pick<ContractSummary, 'domain' | 'team' | 'tags' | 'classification' | 'status' | 'tier' | 'serverTypes'>;

/** The values a contract has for a facet (facets with lists, like tags, give several). */
export function facetValues(summary: FacetSource, key: keyof FacetSource): string[] {
  const value = summary[key];
  if (Array.isArray(value)) return value;
  return value === undefined ? [] : [value];
}

export function facetsOf(summaries: readonly ContractSummary[]): Facet[] {
  return FACETS.map(({ key, label }) => {
    const counts = new Map<string, number>();
    for (const s of summaries) for (const v of facetValues(s, key)) counts.set(v, (counts.get(v) ?? 0) + 1);
    const values = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return { key, label, values };
  }).filter((f) => f.values.length > 0);
}

function homePage(summaries: readonly ContractSummary[], domains: DomainPage[], mesh: Mesh): HomePage {
  return {
    path: PAGES.home,
    contracts: summaries.slice(0, HOME_RENDERED_LIMIT),
    renderedCount: Math.min(summaries.length, HOME_RENDERED_LIMIT),
    total: summaries.length,
    facets: facetsOf(summaries),
    domains: domains.map((d) => ({ name: d.name, title: d.title, href: d.path, count: d.contracts.length, owner: d.owners[0]?.handle })),
    stats: { contracts: summaries.length, domains: domains.length, products: mesh.products.length, properties: summaries.reduce((n, s) => n + s.propertyCount, 0) },
  };
}

/** Nested policy mapping -> `a.b.c: value` rows. */
export function flattenPolicy(value: unknown, prefix = ''): PolicyRow[] {
  if (!isRecord(value)) return prefix ? [{ key: prefix, value: display(value) }] : [];
  return Object.entries(value).flatMap(([key, v]) => (isRecord(v) ? flattenPolicy(v, prefix ? `${prefix}.${key}` : key) : [{ key: prefix ? `${prefix}.${key}` : key, value: display(v) }]));
}

function lookup(value: unknown, dotted: string): unknown {
  let current = value;
  for (const part of dotted.split('.')) {
    if (!isRecord(current)) return undefined;
    current = current[part];
  }
  return current;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | undefined): Map<string | undefined, T[]> {
  const groups = new Map<string | undefined, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** A domain's page; `contracts` are the cards of its contracts and `products` its data products, in mesh order. */
function domainPage(name: string, slug: string, mesh: Mesh, contracts: readonly ContractSummary[], products: readonly LoadedDocument[], linkTo: (id: string) => Link | undefined, policy: Record<string, unknown>, codeowners: ReturnType<typeof parseCodeowners> | undefined): DomainPage {
  const doc = mesh.domains.get(name);
  const data = doc?.data ?? {};
  const declared = domainOwner(doc);
  const folderOwners = codeowners ? ownersOf(codeowners, `${repoRelative(mesh, mesh.contractsDir)}/${name}/`).owners : [];
  const owners = unique([...(declared ? [declared] : []), ...folderOwners]).map((handle) => ({ handle, url: githubTeamUrl(handle) }));
  const productViews = products.map((p) => {
    const ports = productPorts(p.data, path.basename(p.file));
    const link = (id: string) => linkTo(id) ?? { label: id, href: '' };
    return { name: ports.name, id: str(p.data.id), inputs: ports.inputs.map(link), outputs: ports.outputs.map(link) };
  });
  return {
    path: PAGES.domain(slug),
    slug,
    name,
    title: str(data.title) ?? name,
    description: renderMarkdown(data.description),
    owners,
    tier: str(data.tier),
    support: records(data.support).map((s) => ({ label: str(s.channel) ?? str(s.url) ?? 'support', url: safeExternalUrl(s.url), detail: [str(s.tool), str(s.scope)].filter(Boolean).join(' · ') || undefined })),
    contracts: [...contracts],
    products: productViews,
    policy: flattenPolicy(data.policy).map((row) => {
      const global = lookup(policy, row.key);
      return global === undefined ? row : { ...row, global: display(global) };
    }),
  };
}

function keyValues(value: unknown): KeyValue[] {
  return isRecord(value) ? Object.entries(value).map(([key, v]) => ({ key, value: display(v) })) : [];
}

const GOVERNANCE_KNOWN = new Set(['apiVersion', 'kind', 'classification', 'personalData', 'requiredFields', 'defaultTier', 'tiers', 'naming', 'rules']);

function governancePage(mesh: Mesh, policy: Record<string, unknown>, domains: DomainPage[], findings: readonly Finding[], hrefByFile: Map<string, string>, linted: boolean): GovernancePage {
  const { levels, defaultClassification } = levelsOf(policy);
  const tiers = isRecord(policy.tiers) ? policy.tiers : {};
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    path: PAGES.governance,
    hasPolicy: mesh.policy !== undefined,
    classification: levels,
    defaultClassification,
    requiredFields: strings(policy.requiredFields),
    personalData: keyValues(policy.personalData),
    tiers: Object.entries(tiers).map(([tier, t]) => ({
      tier,
      requiredSla: isRecord(t) ? strings(t.requiredSla) : [],
      floors: isRecord(t) ? keyValues(t.floors) : [],
      ceilings: isRecord(t) ? keyValues(t.ceilings) : [],
    })),
    naming: keyValues(policy.naming),
    ruleOverrides: keyValues(policy.rules),
    other: Object.entries(policy)
      .filter(([key]) => !GOVERNANCE_KNOWN.has(key))
      .flatMap(([key, value]) => flattenPolicy({ [key]: value })),
    domainOverrides: domains.filter((d) => d.policy.length > 0).map((d) => ({ domain: d.title, href: d.path, rows: d.policy })),
    findings: findings.map((f) => findingView(f, hrefByFile)),
    counts,
    linted,
  };
}

function lineagePage(index: LineageIndex, linkTo: (id: string) => Link | undefined, domainOfContract: (id: string) => string | undefined, domainHref: (d: string) => string | undefined, layout: (graph: GraphInput) => LineageGraph): LineagePage {
  const full = fullGraph(index, linkTo);
  const domain = domainGraph(index, domainOfContract, domainHref);
  const link = (id: string) => linkTo(id) ?? { label: id, href: '' };
  return {
    path: PAGES.lineage,
    graph: full.nodes.length > 0 && full.nodes.length <= FULL_GRAPH_LIMIT ? layout(full) : undefined,
    omitted: full.nodes.length > FULL_GRAPH_LIMIT ? `The full graph has ${full.nodes.length} nodes; it is drawn per contract on each contract page.` : undefined,
    domainGraph: domain ? layout(domain) : undefined,
    edges: index.products.flatMap((p) => p.inputs.flatMap((input) => p.outputs.map((output) => ({ from: link(input), via: p.name, to: link(output) })))),
  };
}
