// `lintMesh`: ODCS conformance of every contract plus every registered rule, with the severities the
// mesh's policy gives them. Pure: takes a loaded Mesh, returns Findings (loader findings — YAML and
// $ref problems — come from loadMesh's result and are merged by the caller, see docs/rules.md).
import path from 'node:path';
import { compareFindings, type Finding, type Severity } from './finding.js';
import type { LoadedDocument } from './model/document.js';
import { domainOf, type Mesh } from './model/mesh.js';
import { schemaFindings } from './odcs/schema-findings.js';
import { parseCodeowners, type Codeowners } from './ownership/codeowners.js';
import { resolveMeshPolicies, ruleLevel, type MeshPolicies } from './policy/mesh-policies.js';
import type { EffectivePolicy } from './policy/policy.js';
import { customProperty, isMapping } from './rules/contract-schema.js';
import { RULES } from './rules/registry.js';
import type { ContractContext, ContractRule, MeshContext, Report, Rule } from './rules/rule.js';

/**
 * The ODCS schema check lint runs first (src/odcs/validate.ts). Not lint rules of the registry, but
 * their level can be set in mesh.yaml `rules:` like any rule's.
 */
export const SCHEMA_CHECKS: readonly { id: string; severity: Severity }[] = [
  { id: 'odcs/schema', severity: 'error' },
  { id: 'odcs/api-version', severity: 'error' },
];

export interface LintOptions {
  /** Run only these rule ids (registry ids and/or `odcs/schema`). Default: all. */
  rules?: readonly string[];
  /**
   * Report findings only for files this accepts (cross-contract rules still see the whole mesh).
   * Called with loaded documents and with CODEOWNERS.
   */
  only?: (file: { file: string; absPath: string }) => boolean;
  /** Directory findings' paths are relative to. Default: the one the loader used (derived from the documents). */
  cwd?: string;
  /** The mesh's policies, resolved already (resolveMeshPolicies with RULES and SCHEMA_CHECKS); default: resolved now. */
  policies?: MeshPolicies;
}

export function lintMesh(mesh: Mesh, options: LintOptions = {}): Finding[] {
  const selected = options.rules ? new Set(options.rules) : undefined;
  const wanted = (id: string) => !selected || selected.has(id);
  const only = options.only ?? (() => true);
  const policies = options.policies ?? resolveMeshPolicies(mesh, [...RULES, ...SCHEMA_CHECKS]);
  const codeowners = mesh.codeowners ? parseCodeowners(mesh.codeowners.text, mesh.codeowners.file) : undefined;
  const domainOfDoc = (doc: LoadedDocument) => domainOf(mesh, doc);
  const findings: Finding[] = [];
  const cwd = options.cwd ?? loaderCwd(mesh);

  const emit = (rule: Rule, severity: Severity, report: Report) => {
    const { line, column } = report.doc.locate(report.path);
    findings.push({ file: report.doc.file, line, column, rule: rule.id, severity, message: report.message, fix: report.fix ?? rule.fix });
  };

  const contractRules = RULES.filter((rule): rule is ContractRule => rule.scope === 'contract' && wanted(rule.id));
  const schemaWanted = SCHEMA_CHECKS.some((c) => wanted(c.id));
  for (const doc of mesh.contracts) {
    if (!only(doc)) continue;
    const domain = domainOfDoc(doc);
    const policy = policies.forDomain(domain);
    if (schemaWanted) {
      for (const f of schemaFindings(doc)) {
        const check = SCHEMA_CHECKS.find((c) => c.id === f.rule);
        const level = check ? ruleLevel(policy, check) : f.severity;
        if (wanted(f.rule) && level !== 'off') findings.push({ ...f, severity: level });
      }
    }
    // One context per contract, always of the same shape, shared by its rules: `report` files under
    // the rule that is running. (Profiled: a fresh context per rule and contract, shaped by which
    // optional keys were present, cost allocations and made every rule's reads of it megamorphic.)
    let running: ContractRule | undefined;
    let level: Severity = 'error';
    const ctx: ContractContext = {
      doc,
      contract: doc.data,
      domain,
      policy,
      tier: tierOf(doc, domain, mesh, policies.defaultTier),
      report: (r) => emit(running!, level, { ...r, doc: r.doc ?? doc }),
    };
    for (const rule of contractRules) {
      const ruleLevelHere = ruleLevel(policy, rule);
      if (ruleLevelHere === 'off') continue;
      level = ruleLevelHere;
      running = rule;
      runSafely(rule, doc, findings, ctx);
    }
  }

  // Several mesh-scope rules ask for every contract's repository path.
  const repoPaths = new Map<LoadedDocument, string>();
  for (const rule of RULES) {
    if (rule.scope !== 'mesh' || !wanted(rule.id)) continue;
    const ctx: MeshContext = {
      mesh,
      policies,
      ...(codeowners ? { codeowners } : {}),
      domainOf: domainOfDoc,
      repoPath: (doc) => {
        let rel = repoPaths.get(doc);
        if (rel === undefined) repoPaths.set(doc, (rel = path.relative(mesh.root, doc.absPath).split(path.sep).join('/')));
        return rel;
      },
      report: (r) => {
        if (!only(r.doc)) return;
        const level = levelFor(policies, rule, domainOfDoc(r.doc));
        if (level !== 'off') emit(rule, level, r);
      },
      reportFile: (r) => {
        const file = displayPath(r.absPath, cwd);
        if (!only({ file, absPath: r.absPath })) return;
        const level = ruleLevel(policies.global, rule);
        if (level === 'off') return;
        findings.push({ file, line: r.line, column: r.column, rule: rule.id, severity: level, message: r.message, fix: r.fix ?? rule.fix });
      },
    };
    runSafely(rule, mesh.policy ?? mesh.contracts[0], findings, ctx);
  }

  return findings.sort(compareFindings);
}

/** The directory the loader made paths relative to: `absPath` minus `file`, for any document. */
function loaderCwd(mesh: Mesh): string {
  const docs = [mesh.policy, ...mesh.domains.values(), ...mesh.contracts, ...mesh.products];
  for (const doc of docs) {
    if (!doc) continue;
    const abs = doc.absPath.split(path.sep).join('/');
    if (!doc.file.startsWith('../') && abs.endsWith('/' + doc.file)) return path.resolve(abs.slice(0, abs.length - doc.file.length));
  }
  return mesh.root;
}

function displayPath(absPath: string, cwd: string): string {
  const rel = path.relative(cwd, absPath);
  return (rel === '' ? path.basename(absPath) : rel).split(path.sep).join('/');
}

function levelFor(policies: MeshPolicies, rule: Rule, domain: string | undefined) {
  return ruleLevel(policies.forDomain(domain), rule);
}

/**
 * A contract's tier: its `customProperties` entry `tier`, else the `tier` of its domain.yaml, else
 * mesh.yaml `defaultTier`.
 * Returned as a string so it can key mesh.yaml `tiers`.
 */
export function tierOf(doc: LoadedDocument, domain: string | undefined, mesh: Mesh, defaultTier?: string): string | undefined {
  const own = customProperty(doc.data, 'tier');
  if (typeof own === 'string' || typeof own === 'number') return String(own);
  const domainDoc = domain !== undefined ? mesh.domains.get(domain) : undefined;
  const inherited = domainDoc && isMapping(domainDoc.data) ? domainDoc.data.tier : undefined;
  return typeof inherited === 'string' || typeof inherited === 'number' ? String(inherited) : defaultTier;
}

/** A rule that throws on odd input becomes one finding, never a crash of the whole run. */
function runSafely<C>(rule: { id: string; check(ctx: C): void }, doc: LoadedDocument | undefined, findings: Finding[], ctx: C): void {
  try {
    rule.check(ctx);
  } catch (error) {
    findings.push({
      file: doc?.file ?? '.',
      line: 1,
      column: 1,
      rule: rule.id,
      severity: 'error',
      message: `internal error in rule ${rule.id}: ${error instanceof Error ? error.message : String(error)}`,
      fix: 'Please report this as a bug in mesh-contracts, with the file that triggers it.',
    });
  }
}

export type { EffectivePolicy, Codeowners };
