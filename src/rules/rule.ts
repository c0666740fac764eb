// The shape of a lint rule: one module per rule (src/rules/<area>/<name>.ts), collected by registry.ts.
// A rule states its id, default severity, a one-line summary and fix hint, examples for docs/rules.md,
// and a `check` that reports problems through its context. Rules never build Findings themselves:
// the engine locates the node, applies the policy's severity overrides and adds the fix hint.
import type { JsonPath, Severity } from '../finding.js';
import type { LoadedDocument } from '../model/document.js';
import type { Mesh } from '../model/mesh.js';
import type { Codeowners } from '../ownership/codeowners.js';
import type { EffectivePolicy } from '../policy/policy.js';
import type { MeshPolicies } from '../policy/mesh-policies.js';

/**
 * An example for docs/rules.md and its test. A string is one contract, placed at
 * `contracts/sales/orders.odcs.yaml` in the example mesh (see src/rules/examples.ts); an object maps
 * repository-relative paths to file contents that replace or add to the example mesh's files.
 */
export type RuleExample = string | Readonly<Record<string, string>>;

export interface RuleDocs {
  /** Input that makes the rule report. */
  fail: RuleExample;
  /** The same input, fixed: the rule stays silent. */
  pass: RuleExample;
  /** Optional paragraph for docs/rules.md (why the rule exists, what counts). */
  details?: string;
}

export interface Report {
  /** Document the problem is in (its domain decides the effective severity). */
  doc: LoadedDocument;
  /** Path of the offending node inside `doc.data` ([] for the whole document). */
  path: JsonPath;
  message: string;
  /** Overrides the rule's generic fix hint when a more specific one is known. */
  fix?: string;
}

interface RuleBase {
  /** Stable id, `<area>/<name>`: used in output, in mesh.yaml `rules:` and in docs. Never renamed. */
  id: string;
  /** Default severity, before mesh.yaml / domain.yaml overrides. */
  severity: Severity;
  /** One line: what the rule demands. */
  summary: string;
  /** One line: how to fix a violation. */
  fix: string;
  docs: RuleDocs;
}

/** Looks at one contract and the effective policy of its domain (cacheable per contract). */
export interface ContractRule extends RuleBase {
  scope: 'contract';
  check(ctx: ContractContext): void;
}

/** Sees the whole mesh (uniqueness, ownership, lineage, policy files). */
export interface MeshRule extends RuleBase {
  scope: 'mesh';
  check(ctx: MeshContext): void;
}

export type Rule = ContractRule | MeshRule;

export interface ContractContext {
  doc: LoadedDocument;
  /** The contract's parsed content (`doc.data`). */
  contract: Record<string, unknown>;
  /** Domain folder the contract lives in (undefined outside a domain folder). */
  domain?: string;
  /** Global policy tightened by the domain's domain.yaml. */
  policy: EffectivePolicy;
  /** The contract's tier (customProperties `tier`, else its domain.yaml `tier`), as a string. */
  tier?: string;
  report(report: Omit<Report, 'doc'> & { doc?: LoadedDocument }): void;
}

export interface MeshContext {
  mesh: Mesh;
  policies: MeshPolicies;
  /** Parsed CODEOWNERS (undefined when the repository has none). */
  codeowners?: Codeowners;
  /** Domain folder of a document (undefined for mesh.yaml and files outside domain folders). */
  domainOf(doc: LoadedDocument): string | undefined;
  /** Path of a document relative to the repository root, `/` separators (what CODEOWNERS patterns match). */
  repoPath(doc: LoadedDocument): string;
  report(report: Report): void;
  /** Reports a problem in a file that is not a loaded document (CODEOWNERS), at a known position. */
  reportFile(report: { absPath: string; line: number; column: number; message: string; fix?: string }): void;
}
