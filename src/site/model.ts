// What each page of the discovery site shows, as plain data. Templates only lay these out: every
// decision (which rows, which badge, which owner, which edge) is made here, in tested code.
// All `href`s are relative to the site root; templates prefix them with the page's `root`.
import type { SloStatus } from '../slo/status.js';
import type { SafeHtml } from './safe-html.js';

export type Tone = 'ok' | 'warn' | 'bad' | 'info' | 'neutral';

export interface Badge {
  label: string;
  tone: Tone;
  /** Longer text for a tooltip / screen readers. */
  title?: string;
}

export interface Link {
  label: string;
  href: string;
}

export interface ExternalLink {
  label: string;
  /** Absolute http(s)/mailto URL, already checked by safeExternalUrl. */
  url?: string;
  detail?: string;
}

/** One contract as listed on the home page, the domain pages and in the search index. */
export interface ContractSummary {
  slug: string;
  id: string;
  name: string;
  /** businessName of the first object or the name. */
  title: string;
  href: string;
  domain?: string;
  domainHref?: string;
  dataProduct?: string;
  team?: string;
  /** CODEOWNERS owners of the contract file. */
  owners: string[];
  status: string;
  statusBadge: Badge;
  version: string;
  tier?: string;
  /** Plain-text summary of the description (purpose), at most ~200 characters. */
  summary: string;
  tags: string[];
  /** Highest classification of any property (taxonomy order of mesh.yaml). */
  classification?: string;
  serverTypes: string[];
  propertyNames: string[];
  objectCount: number;
  propertyCount: number;
  /** Worst current SLO status, when an SLO evaluation is known. */
  sloBadge?: Badge;
}

export interface QualityView {
  id?: string;
  /** Human reading of the rule: "no duplicate values", "row count > 0", "SQL check = 0". */
  label: string;
  type: string;
  dimension?: string;
  severity?: string;
  description?: string;
  query?: string;
}

export interface PropertyRow {
  /** Nesting depth: 0 for the object's own properties. */
  depth: number;
  name: string;
  /** Dotted path from the object (`shipping_address.city`, `items[].sku`). */
  path: string;
  anchor: string;
  businessName?: string;
  logicalType: string;
  physicalType?: string;
  required: boolean;
  unique: boolean;
  primaryKey: boolean;
  primaryKeyPosition?: number;
  partitioned: boolean;
  criticalDataElement: boolean;
  classification?: string;
  classificationTone: Tone;
  tags: string[];
  examples: string[];
  /** logicalTypeOptions rendered as short facts ("maxLength 200", "format uuid"). */
  constraints: string[];
  description?: string;
  quality: QualityView[];
  /** Relationship targets (`customers.customer_id`). */
  references: string[];
}

export interface ObjectView {
  name: string;
  anchor: string;
  businessName?: string;
  physicalName?: string;
  physicalType?: string;
  description?: SafeHtml;
  granularity?: string;
  rows: PropertyRow[];
  quality: QualityView[];
  jsonSchemaHref: string;
}

export interface SloView {
  property: string;
  /** "1 h", "99.9 %", "06:00". */
  target: string;
  element?: string;
  description?: string;
  driver?: string;
  status?: SloStatus;
  /** Current status badge; absent when no SLO evaluation was given to the build. */
  badge?: Badge;
  observed?: string;
  observedAt?: string;
  message?: string;
}

export interface KeyValue {
  key: string;
  value: string;
}

export interface ServerView {
  name: string;
  type: string;
  environment?: string;
  description?: string;
  details: KeyValue[];
}

export interface VersionView {
  version: string;
  /** yyyy-mm-dd */
  date?: string;
  commit?: string;
  subject?: string;
  /** true/false when the breaking-change engine compared it with the previous version; undefined when not known. */
  breaking?: boolean;
  breakingLabel: string;
  current: boolean;
}

export interface LineageNode {
  id: string;
  label: string;
  sublabel?: string;
  kind: 'contract' | 'product';
  href?: string;
  /** The contract the page is about. */
  focus: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LineageEdge {
  from: string;
  to: string;
  /** SVG path data. */
  d: string;
}

export interface LineageGraph {
  width: number;
  height: number;
  nodes: LineageNode[];
  edges: LineageEdge[];
  /** Accessible description of the graph. */
  label: string;
}

export interface LineageView {
  upstream: Link[];
  downstream: Link[];
  products: string[];
  graph?: LineageGraph;
}

export interface ContractPage {
  path: string;
  summary: ContractSummary;
  apiVersion: string;
  tenant?: string;
  purpose?: SafeHtml;
  usage?: SafeHtml;
  limitations?: SafeHtml;
  otherDescription: { title: string; html: SafeHtml }[];
  team?: { name: string; url?: string; description?: string; members: { name: string; username?: string; role?: string }[] };
  owners: { handle: string; url?: string }[];
  codeownersRule?: string;
  support: ExternalLink[];
  objects: ObjectView[];
  slos: SloView[];
  sloEvaluatedAt?: string;
  servers: ServerView[];
  price?: string;
  terms: { title: string; html: SafeHtml }[];
  roles: KeyValue[];
  references: ExternalLink[];
  versions: VersionView[];
  downloads: Link[];
  lineage: LineageView;
  findings: FindingView[];
  sourceFile: string;
}

export interface FindingView {
  file: string;
  line: number;
  rule: string;
  severity: string;
  message: string;
  fix?: string;
  href?: string;
}

export interface PolicyRow {
  key: string;
  value: string;
  /** The global value this domain rule tightens, when mesh.yaml has one. */
  global?: string;
}

export interface DomainPage {
  path: string;
  slug: string;
  name: string;
  title: string;
  description?: SafeHtml;
  owners: { handle: string; url?: string }[];
  tier?: string;
  support: ExternalLink[];
  contracts: ContractSummary[];
  products: { name: string; id?: string; inputs: Link[]; outputs: Link[] }[];
  policy: PolicyRow[];
}

export interface Facet {
  key: string;
  label: string;
  values: { value: string; count: number }[];
}

export interface HomePage {
  path: string;
  contracts: ContractSummary[];
  /** How many cards are rendered into the HTML (the client script shows the rest). */
  renderedCount: number;
  total: number;
  facets: Facet[];
  domains: { name: string; title: string; href: string; count: number; owner?: string }[];
  stats: { contracts: number; domains: number; products: number; properties: number };
}

export interface GovernancePage {
  path: string;
  hasPolicy: boolean;
  classification: string[];
  defaultClassification?: string;
  requiredFields: string[];
  personalData: KeyValue[];
  tiers: { tier: string; requiredSla: string[]; floors: KeyValue[]; ceilings: KeyValue[] }[];
  naming: KeyValue[];
  ruleOverrides: KeyValue[];
  other: PolicyRow[];
  domainOverrides: { domain: string; href: string; rows: PolicyRow[] }[];
  findings: FindingView[];
  counts: { error: number; warning: number; info: number };
  /** Whether lint ran at all (false: the site was built without the lint engine). */
  linted: boolean;
}

export interface LineagePage {
  path: string;
  graph?: LineageGraph;
  /** Why the full graph is not drawn (too large), when it is not. */
  omitted?: string;
  domainGraph?: LineageGraph;
  edges: { from: Link; via: string; to: Link }[];
}
