// The shape of a breaking-change rule: one module per rule (src/breaking/rules/<name>.ts) exporting
// `{ id, severity, summary, docs, check }`, collected by registry.ts. A rule looks at one place of
// the old and new contract and reports changes; the engine applies severity overrides, waivers,
// sorting and the semver verdict. Rules never build Change objects themselves.
import type { Bump } from '../semver.js';
import type { MatchedPair, MatchResult } from './match.js';
import type { Node } from './nodes.js';
import type { Change, ChangeSeverity, Consumer, ValueSetCheck } from './report.js';

export interface RuleDocs {
  /**
   * The old side of the example: an ODCS fragment (merged into a minimal contract), '' for "no contract".
   * For product rules (scope `product`): an ODPS fragment merged into a minimal data product.
   */
  old: string;
  /** The new side, same form. Diffing the two reports this rule and no other. */
  new: string;
  /** Why the rule exists and what consumers see; shown in docs/breaking-rules.md. */
  details?: string;
  /** Consumers known to the mesh, for rules that need them (lifecycle). */
  consumers?: Consumer[];
  /** The domain owning the example contract (default: none). */
  domain?: string;
}

export interface DiffSettings {
  /** Classification levels from least to most sensitive (mesh.yaml `classification.levels`). */
  classificationLevels: readonly string[];
  /** Level of a property without `classification`, if the mesh defines one. */
  defaultClassification?: string;
  /** Tags that mark personal data (mesh.yaml `personalData.tags`). */
  personalDataTags: readonly string[];
}

export const DEFAULT_SETTINGS: DiffSettings = {
  classificationLevels: ['public', 'internal', 'confidential', 'restricted'],
  personalDataTags: ['pii', 'gdpr', 'personal-data'],
};

export interface Where {
  old?: Node<unknown>;
  new?: Node<unknown>;
}

export type ReportChange = (where: Where, message: string) => void;

interface RuleBase {
  /** Stable id, `breaking/<name>`: used in output, in mesh.yaml `breaking.rules`, in waivers and docs. */
  id: string;
  severity: ChangeSeverity;
  /** One line: what change the rule reports. */
  summary: string;
  docs: RuleDocs;
  /** For info rules: the version bump the change needs (default `patch`). */
  bump?: Extract<Bump, 'minor' | 'patch'>;
  /** The change lets the new contract accept values the old one rejected (json-schema-diff agrees). */
  widensValues?: boolean;
}

export interface ContractContext {
  /** Contract roots; one side is absent when the contract was added or removed. */
  old?: Node;
  new?: Node;
  /** Top-level schema objects, paired by id then name (empty when a side is absent). */
  objects: MatchResult;
  settings: DiffSettings;
  consumers: readonly Consumer[];
  /** Domain owning the contract (folder under contracts/, else its `domain`). */
  domain?: string;
}

export interface ContractRule extends RuleBase {
  scope: 'contract';
  check(ctx: ContractContext, report: ReportChange): void;
}

export interface ElementContext {
  /** `object`: a schema object; `property`: a property at any depth; `items`: the items of an array property. */
  kind: 'object' | 'property' | 'items';
  old: Node;
  new: Node;
  /** How the two were paired (`root` for items, which have no name). */
  by: MatchedPair['by'] | 'root';
  /** The element's properties, paired. */
  properties: MatchResult;
  settings: DiffSettings;
}

export interface ElementRule extends RuleBase {
  scope: 'element';
  check(ctx: ElementContext, report: ReportChange): void;
}

/** Runs after all other rules, with their changes (cross-checks). */
export interface ReportContext {
  changes: readonly (Omit<Change, 'severity'> & { widensValues: boolean })[];
  valueSets: readonly (ValueSetCheck & { oldPath: string; newPath: string })[];
}

export interface ReportRule extends RuleBase {
  scope: 'report';
  check(ctx: ReportContext, report: (path: string, message: string) => void): void;
}

/** An ODPS data product (`*.odps.yaml`) of the base and the head, compared by `mesh breaking`. */
export interface ProductContext {
  /** Product roots; one side is absent when the product file was added or removed. */
  old?: Node;
  new?: Node;
  /** Output ports, paired by name and version, then by name alone (see products.ts). */
  ports: MatchResult;
  /** Other products of the head whose input ports read `contractId`. */
  consumersOf(contractId: string): readonly Consumer[];
  /** Another product of the head still publishes `contractId` through an output port. */
  publishedElsewhere(contractId: string): boolean;
  /** Domain owning the product (folder under contracts/). */
  domain?: string;
}

export interface ProductRule extends RuleBase {
  scope: 'product';
  check(ctx: ProductContext, report: ReportChange): void;
}

export type BreakingRule = ContractRule | ElementRule | ReportRule | ProductRule;

/** Short name of a rule id (`breaking/property-removed` → `property-removed`). */
export function shortName(id: string): string {
  return id.startsWith('breaking/') ? id.slice('breaking/'.length) : id;
}
