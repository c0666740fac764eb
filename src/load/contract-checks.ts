// The per-contract half of lint: ODCS schema conformance plus every contract-scope rule, under the
// effective policy of the contract's domain. It depends only on the contract, mesh.yaml and its
// domain.yaml, so it can run on worker threads and its findings can be cached per file. The
// mesh-scope rules (uniqueness, ownership, lineage) always run on the whole mesh afterwards.
import path from 'node:path';
import type { Finding } from '../finding.js';
import { lintMesh, SCHEMA_CHECKS } from '../lint.js';
import type { LoadedDocument } from '../model/document.js';
import type { Mesh } from '../model/mesh.js';
import { RULES } from '../rules/registry.js';
import { resolveMeshPolicies, type MeshPolicies } from '../policy/mesh-policies.js';

/** Rule ids the per-contract checks run (schema checks + contract-scope rules). */
export const CONTRACT_CHECK_IDS: readonly string[] = [...SCHEMA_CHECKS.map((c) => c.id), ...RULES.filter((r) => r.scope === 'contract').map((r) => r.id)];
/** Rule ids that need the whole mesh. */
export const MESH_RULE_IDS: readonly string[] = RULES.filter((r) => r.scope === 'mesh').map((r) => r.id);

/** What the effective policy of a contract is made of. */
export interface PolicyDocs {
  root: string;
  contractsDir: string;
  policy?: LoadedDocument;
  domains: Map<string, LoadedDocument>;
}

/**
 * The policies of each PolicyDocs, resolved once: checkContracts runs on a few contracts at a time,
 * and resolving them for every batch made the policy readers hot enough for V8 to optimise (profiled:
 * ~0.1 s of compilation per thread at 5,000 contracts, for work whose result never changes).
 */
const resolvedPolicies = new WeakMap<PolicyDocs, MeshPolicies>();

/** Findings of the per-contract checks for each of `contracts`, keyed by absolute path. */
export function checkContracts(policy: PolicyDocs, contracts: LoadedDocument[], cwd: string): Map<string, Finding[]> {
  const mesh: Mesh = { root: policy.root, contractsDir: policy.contractsDir, domains: policy.domains, contracts, products: [], ...(policy.policy ? { policy: policy.policy } : {}) };
  let policies = resolvedPolicies.get(policy);
  if (!policies) resolvedPolicies.set(policy, (policies = resolveMeshPolicies(mesh, [...RULES, ...SCHEMA_CHECKS])));
  const byFile = new Map<string, Finding[]>();
  const absOf = new Map<string, string>();
  for (const doc of contracts) {
    byFile.set(doc.absPath, []);
    absOf.set(doc.file, doc.absPath);
  }
  for (const finding of lintMesh(mesh, { rules: CONTRACT_CHECK_IDS, cwd, policies })) {
    const abs = absOf.get(finding.file);
    if (abs === undefined) {
      // A rule reported into another file: check one contract at a time so each finding stays with
      // the contract whose check produced it (what a per-file cache needs).
      if (contracts.length > 1) return new Map(contracts.map((doc) => [doc.absPath, checkContracts(policy, [doc], cwd).get(doc.absPath)!]));
      byFile.get(contracts[0].absPath)!.push(finding);
      continue;
    }
    byFile.get(abs)!.push(finding);
  }
  return byFile;
}

/** Where a file sits in a contracts/ tree: mesh.yaml, a domain.yaml (with its domain), or neither. */
export function policyRole(contractsDir: string, absPath: string): { role: 'mesh' } | { role: 'domain'; domain: string } | undefined {
  const rel = path.relative(contractsDir, absPath).split(path.sep);
  const base = rel[rel.length - 1];
  if (rel.length === 1 && /^mesh\.ya?ml$/.test(base)) return { role: 'mesh' };
  if (rel.length === 2 && /^domain\.ya?ml$/.test(base) && !rel[0].startsWith('_')) return { role: 'domain', domain: rel[0] };
  return undefined;
}

/**
 * What the mesh-scope rules get of a contract once its per-contract checks are done: the document
 * without `schema` (the bulk of every contract; no mesh-scope rule reads it), so the main thread,
 * the worker messages and the lint cache carry a fraction of the bytes. Reading `schema` from a
 * summary throws, so a future mesh-scope rule that needs it fails loudly (as an internal-error
 * finding, caught by test/unit/cache/split-lint.test.ts) instead of silently seeing nothing.
 */
export function contractSummary(data: Record<string, unknown>): Record<string, unknown> {
  const { schema: _schema, ...rest } = data;
  return withSchemaGuard(rest);
}

/** True for the files whose documents are contracts of the mesh (and get summarised). */
export function isContractFile(absPath: string): boolean {
  return CONTRACT_FILE.test(path.basename(absPath));
}
const CONTRACT_FILE = /\.odcs\.ya?ml$/;

/** Marks a summary (e.g. one rebuilt from JSON) so that reading its `schema` throws. */
export function withSchemaGuard(summary: Record<string, unknown>): Record<string, unknown> {
  Object.defineProperty(summary, 'schema', {
    enumerable: false,
    get() {
      throw new Error('lint passes contract summaries (without schema) to mesh-scope rules: make this a contract-scope rule, or extend contractSummary');
    },
  });
  return summary;
}
