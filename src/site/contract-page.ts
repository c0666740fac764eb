// One contract's page and its summary card: header facts, description, schema, SLOs, servers,
// terms, versions, downloads, lineage. Pure: everything it needs comes in through ContractContext.
import type { LoadedDocument } from '../model/document.js';
import type { SloResult } from '../slo/status.js';
import { neighbourhood, upstreamOf, downstreamOf, layoutGraph, type LineageIndex } from './lineage.js';
import { markdownToText, renderMarkdown } from './markdown.js';
import type { Badge, ContractPage, ContractSummary, ExternalLink, FindingView, KeyValue, Link, ServerView, VersionView } from './model.js';
import type { SafeHtml } from './safe-html.js';
import { highestClassification, objectViews, type RowContext } from './schema-rows.js';
import { sloViews, worstSloBadge } from './slo-view.js';
import { githubTeamUrl, PAGES, safeExternalUrl } from './urls.js';
import { display, isRecord, records, str, strings, unique } from './values.js';

export interface ContractContext extends RowContext {
  slug: string;
  domain?: string;
  domainSlug?: string;
  /** Tier of the domain (domain.yaml `tier`) and the mesh default, for contracts without their own. */
  domainTier?: string;
  defaultTier?: string;
  owners: string[];
  codeownersRule?: string;
  /** SLO results of this contract; undefined when the build had no SLO evaluation. */
  sloResults?: readonly SloResult[];
  sloEvaluatedAt?: string;
  lineage: LineageIndex;
  /** Link to a contract page by ODCS id (undefined when the id is not in the mesh). */
  linkTo(id: string): Link | undefined;
  versions?: VersionView[];
  findings: FindingView[];
  /** Path of the contract file relative to the repository root. */
  sourceFile: string;
}

const STATUS_TONES: Record<string, Badge['tone']> = { active: 'ok', proposed: 'info', draft: 'info', deprecated: 'warn', retired: 'bad' };

export function statusBadge(status: string): Badge {
  return { label: status, tone: STATUS_TONES[status.toLowerCase()] ?? 'neutral' };
}

/** The contract's tier: customProperties `tier`, else its domain's tier, else the mesh default. */
export function tierOf(data: Record<string, unknown>, domainTier?: string, defaultTier?: string): string | undefined {
  const custom = records(data.customProperties).find((p) => p.property === 'tier');
  return str(custom?.value) ?? domainTier ?? defaultTier;
}

export function teamName(data: Record<string, unknown>): string | undefined {
  return isRecord(data.team) ? str(data.team.name) : undefined;
}

function teamView(data: Record<string, unknown>): ContractPage['team'] {
  const team = data.team;
  const members = (isRecord(team) ? records(team.members) : records(team)).map((m) => ({
    name: str(m.name) ?? str(m.username) ?? '(unnamed)',
    username: str(m.username),
    role: str(m.role),
  }));
  const name = isRecord(team) ? str(team.name) : undefined;
  if (!name && members.length === 0) return undefined;
  return { name: name ?? 'Team', url: name ? githubTeamUrl(name) : undefined, description: isRecord(team) ? str(team.description) : undefined, members };
}

function supportView(data: Record<string, unknown>): ExternalLink[] {
  return records(data.support).map((s) => ({
    label: str(s.channel) ?? str(s.url) ?? str(s.tool) ?? 'support',
    url: safeExternalUrl(s.url),
    detail: [str(s.tool), str(s.scope)].filter(Boolean).join(' · ') || undefined,
  }));
}

const SERVER_HEADLINE = new Set(['id', 'server', 'type', 'environment', 'description', 'roles', 'customProperties']);

function serverViews(data: Record<string, unknown>): ServerView[] {
  return records(data.servers).map((s) => ({
    name: str(s.server) ?? str(s.id) ?? str(s.type) ?? 'server',
    type: str(s.type) ?? 'unknown',
    environment: str(s.environment),
    description: str(s.description),
    details: Object.entries(s)
      .filter(([k, v]) => !SERVER_HEADLINE.has(k) && v !== undefined && v !== null)
      .map(([key, value]) => ({ key, value: display(value) })),
  }));
}

export function serverTypes(data: Record<string, unknown>): string[] {
  return unique(records(data.servers).map((s) => str(s.type)).filter((t): t is string => t !== undefined)).sort();
}

function priceOf(data: Record<string, unknown>): string | undefined {
  const price = data.price;
  if (!isRecord(price) || price.priceAmount === undefined) return undefined;
  const unit = str(price.priceUnit);
  return `${display(price.priceAmount)} ${str(price.priceCurrency) ?? ''}`.trim() + (unit ? ` per ${unit}` : '');
}

const DESCRIPTION_KNOWN = new Set(['purpose', 'usage', 'limitations', 'authoritativeDefinitions', 'customProperties']);

function referencesOf(data: Record<string, unknown>): ExternalLink[] {
  const description = isRecord(data.description) ? data.description : {};
  return [...records(data.authoritativeDefinitions), ...records(description.authoritativeDefinitions)].map((d) => ({
    label: str(d.description) ?? str(d.type) ?? str(d.url) ?? 'reference',
    url: safeExternalUrl(d.url),
    detail: str(d.type),
  }));
}

function rolesOf(data: Record<string, unknown>): KeyValue[] {
  return records(data.roles).map((r) => ({
    key: str(r.role) ?? 'role',
    value: [str(r.access) ? `${str(r.access)} access` : undefined, str(r.description), str(r.firstLevelApprovers) ? `approved by ${str(r.firstLevelApprovers)}` : undefined, str(r.secondLevelApprovers) ? `then ${str(r.secondLevelApprovers)}` : undefined]
      .filter(Boolean)
      .join(' · '),
  }));
}

/** The card shown in lists and indexed by search. */
export function contractSummary(doc: Pick<LoadedDocument, 'data'>, ctx: ContractContext, page?: Pick<ContractPage, 'objects' | 'slos'>): ContractSummary {
  const data = doc.data;
  const id = str(data.id) ?? ctx.slug;
  const name = str(data.name) ?? id;
  const objects = page?.objects ?? objectViews(data, ctx.slug, ctx);
  const slos = page?.slos ?? sloViews(data, ctx.sloResults);
  const description = isRecord(data.description) ? data.description : {};
  const status = str(data.status) ?? 'unknown';
  const firstObject = records(data.schema)[0];
  const propertyNames = unique(objects.flatMap((o) => o.rows.map((r) => r.name)));
  return {
    slug: ctx.slug,
    id,
    name,
    title: str(firstObject?.businessName) && records(data.schema).length === 1 ? `${name} — ${str(firstObject?.businessName)}` : name,
    href: PAGES.contract(ctx.slug),
    domain: ctx.domain ?? str(data.domain),
    domainHref: ctx.domainSlug ? PAGES.domain(ctx.domainSlug) : undefined,
    dataProduct: str(data.dataProduct),
    team: teamName(data),
    owners: ctx.owners,
    status,
    statusBadge: statusBadge(status),
    version: str(data.version) ?? '—',
    tier: tierOf(data, ctx.domainTier, ctx.defaultTier),
    summary: markdownToText(str(description.purpose) ?? (typeof data.description === 'string' ? data.description : ''), 220),
    tags: unique(strings(data.tags)),
    classification: highestClassification(objects, ctx),
    serverTypes: serverTypes(data),
    propertyNames,
    objectCount: objects.length,
    propertyCount: objects.reduce((n, o) => n + o.rows.length, 0),
    sloBadge: worstSloBadge(slos),
  };
}

export function contractPage(doc: Pick<LoadedDocument, 'data'>, ctx: ContractContext): ContractPage {
  const data = doc.data;
  const objects = objectViews(data, ctx.slug, ctx);
  const slos = sloViews(data, ctx.sloResults);
  const summary = contractSummary(doc, ctx, { objects, slos });
  const description = isRecord(data.description) ? data.description : typeof data.description === 'string' ? { purpose: data.description } : {};
  const otherDescription = Object.entries(description)
    .filter(([key, value]) => !DESCRIPTION_KNOWN.has(key) && typeof value === 'string')
    .map(([key, value]) => ({ title: key, html: renderMarkdown(value) }))
    .filter((d): d is { title: string; html: SafeHtml } => d.html !== undefined);
  const terms = (['usage', 'limitations'] as const)
    .map((key) => ({ title: key === 'usage' ? 'Usage' : 'Limitations', html: renderMarkdown(description[key]) }))
    .filter((d): d is { title: string; html: SafeHtml } => d.html !== undefined);

  const upstream = upstreamOf(ctx.lineage, summary.id).map((id) => ctx.linkTo(id) ?? { label: id, href: '' });
  const downstream = downstreamOf(ctx.lineage, summary.id).map((id) => ctx.linkTo(id) ?? { label: id, href: '' });
  const products = unique([...(ctx.lineage.producedBy.get(summary.id) ?? []), ...(ctx.lineage.consumedBy.get(summary.id) ?? [])].map((p) => p.name));
  const graphInput = neighbourhood(ctx.lineage, summary.id, ctx.linkTo);

  const versions = ctx.versions ?? [{ version: summary.version, breakingLabel: 'First version', current: true }];
  const downloads: Link[] = [
    { label: 'ODCS YAML', href: PAGES.odcsDownload(ctx.slug) },
    ...objects.map((o) => ({ label: `JSON Schema: ${o.name}`, href: o.jsonSchemaHref })),
  ];

  return {
    path: summary.href,
    summary,
    apiVersion: str(data.apiVersion) ?? '—',
    tenant: str(data.tenant),
    purpose: renderMarkdown(description.purpose),
    usage: renderMarkdown(description.usage),
    limitations: renderMarkdown(description.limitations),
    otherDescription,
    team: teamView(data),
    owners: ctx.owners.map((handle) => ({ handle, url: githubTeamUrl(handle) })),
    codeownersRule: ctx.codeownersRule,
    support: supportView(data),
    objects,
    slos,
    sloEvaluatedAt: ctx.sloResults ? ctx.sloEvaluatedAt : undefined,
    servers: serverViews(data),
    price: priceOf(data),
    terms,
    roles: rolesOf(data),
    references: referencesOf(data),
    versions,
    downloads,
    lineage: { upstream, downstream, products, graph: graphInput ? layoutGraph(graphInput) : undefined },
    findings: ctx.findings,
    sourceFile: ctx.sourceFile,
  };
}
