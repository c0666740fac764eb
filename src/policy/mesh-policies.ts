// The policies of a whole mesh, resolved once per lint run: the global policy from mesh.yaml, each
// domain's effective policy (global tightened by its domain.yaml), and every problem found while
// reading them (malformed entries, attempts to loosen), attached to the document they are in.
import type { Severity } from '../finding.js';
import type { LoadedDocument } from '../model/document.js';
import type { Mesh } from '../model/mesh.js';
import { emptyPolicy, type EffectivePolicy, type RuleLevel } from './policy.js';
import { readPolicyBlock, type PolicyProblem } from './read-policy.js';
import { applyPolicyBlock } from './tighten.js';

export const MESH_POLICY_API_VERSION = 'mesh/v1';
/** Keys mesh.yaml may hold besides the policy vocabulary. */
const MESH_FILE_KEYS = ['apiVersion', 'kind', 'name', 'description', 'defaultTier', 'breaking', 'slo'];

export interface MeshPolicies {
  global: EffectivePolicy;
  /** mesh.yaml `defaultTier`: the tier of contracts whose contract and domain declare none. */
  defaultTier?: string;
  /** Effective policy of a domain (the global one for unknown domains or undefined). */
  forDomain(domain: string | undefined): EffectivePolicy;
  /** Problems in mesh.yaml and the domain.yaml policy blocks, with the document each is in. */
  problems: { doc: LoadedDocument; problem: PolicyProblem }[];
}

export interface RuleDefault {
  id: string;
  severity: Severity;
}

export function resolveMeshPolicies(mesh: Mesh, rules: readonly RuleDefault[]): MeshPolicies {
  const knownRuleIds = rules.map((r) => r.id);
  const defaults = new Map(rules.map((r) => [r.id, r.severity]));
  const defaultSeverity = (id: string) => defaults.get(id);
  const problems: MeshPolicies['problems'] = [];

  let global = emptyPolicy();
  if (mesh.policy) {
    const doc = mesh.policy;
    const data = doc.data;
    if (data.apiVersion !== MESH_POLICY_API_VERSION) {
      problems.push({ doc, problem: { kind: 'invalid', path: data.apiVersion === undefined ? [] : ['apiVersion'], message: `mesh.yaml must declare apiVersion: ${MESH_POLICY_API_VERSION}${data.apiVersion === undefined ? '' : `, got ${JSON.stringify(data.apiVersion)}`}`, fix: `set apiVersion: ${MESH_POLICY_API_VERSION}` } });
    }
    if (data.kind !== 'MeshPolicy') {
      problems.push({ doc, problem: { kind: 'invalid', path: data.kind === undefined ? [] : ['kind'], message: `mesh.yaml must declare kind: MeshPolicy${data.kind === undefined ? '' : `, got ${JSON.stringify(data.kind)}`}`, fix: 'set kind: MeshPolicy' } });
    }
    const read = readPolicyBlock(data, [], { knownRuleIds, extraKeys: MESH_FILE_KEYS, source: 'mesh.yaml' });
    const applied = applyPolicyBlock(global, read.block, 'global', defaultSeverity);
    global = applied.policy;
    for (const problem of [...read.problems, ...applied.problems]) problems.push({ doc, problem });
  }

  const byDomain = new Map<string, EffectivePolicy>();
  for (const [domain, doc] of mesh.domains) {
    const raw = doc.data.policy;
    if (raw === undefined || raw === null) continue;
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push({ doc, problem: { kind: 'invalid', path: ['policy'], message: 'policy must be a mapping using the mesh.yaml vocabulary', fix: 'see docs/policy.md' } });
      continue;
    }
    const read = readPolicyBlock(raw as Record<string, unknown>, ['policy'], { knownRuleIds, source: `${domain}/domain.yaml` });
    const applied = applyPolicyBlock(global, read.block, 'domain', defaultSeverity);
    byDomain.set(domain, applied.policy);
    for (const problem of [...read.problems, ...applied.problems]) problems.push({ doc, problem });
  }

  const defaultTier = mesh.policy?.data.defaultTier;
  if (mesh.policy && defaultTier !== undefined && (typeof defaultTier === 'number' || typeof defaultTier === 'string') && global.tiers.size > 0 && !global.tiers.has(String(defaultTier))) {
    problems.push({ doc: mesh.policy, problem: { kind: 'invalid', path: ['defaultTier'], message: `defaultTier ${JSON.stringify(defaultTier)} is not one of the tiers (${[...global.tiers.keys()].join(', ')})` } });
  }
  return {
    global,
    ...(typeof defaultTier === 'number' || typeof defaultTier === 'string' ? { defaultTier: String(defaultTier) } : {}),
    forDomain: (domain) => (domain !== undefined ? byDomain.get(domain) : undefined) ?? global,
    problems,
  };
}

/** The level a rule runs at under a policy: its override, else its default severity. */
export function ruleLevel(policy: EffectivePolicy, rule: RuleDefault): RuleLevel {
  return policy.rules.get(rule.id) ?? rule.severity;
}
