// The governance policy vocabulary shared by contracts/mesh.yaml (global) and the `policy:` block of
// contracts/<domain>/domain.yaml (local, tighten-only). See docs/policy.md.
import type { Severity } from '../finding.js';

/** A rule's configured level: a severity, or `off`. */
export type RuleLevel = Severity | 'off';

/** Weakest to strongest: a domain may only move a rule to the right. */
export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'info', 'warning', 'error'];

export function levelRank(level: RuleLevel): number {
  return RULE_LEVELS.indexOf(level);
}

/** An SLO bound (the weakest promise a tier may make), normalised for comparison. */
export interface SloFloor {
  /** Canonical SLA property name (`latency`, `availability`, ...). */
  property: string;
  /** Comparable number: seconds, percent, or a count (see normaliseSlaValue). */
  value: number;
  /** As written, for messages (`99.5`, `1h`). */
  text: string;
}

export interface TierPolicy {
  /** Canonical SLA property names every contract of the tier must declare. */
  requiredSla: string[];
  /** Per canonical SLA property: the weakest allowed value. */
  floors: Map<string, SloFloor>;
}

/** A naming pattern and where it was declared (global or a domain's). */
export interface NamingPattern {
  regex: RegExp;
  source: string;
}

/** The policy that applies to one contract: mesh.yaml tightened by its domain's domain.yaml. */
export interface EffectivePolicy {
  classification: {
    /** Least to most sensitive; empty when mesh.yaml declares no taxonomy. */
    levels: string[];
    default?: string;
  };
  personalData: {
    /** Tags that mark a property as personal data. */
    tags: string[];
    /** Tags every personal-data property must carry. */
    requiredTags: string[];
    /** Classifications that mark a property as personal data (on top of the tags). */
    classifications: string[];
    minimumClassification?: string;
    /** Longest retention a contract holding personal data may declare, in seconds. */
    maxRetention?: { seconds: number; text: string };
  };
  /** Top-level contract fields that must be present and non-empty. */
  requiredFields: string[];
  /** Keyed by tier as a string (`"1"`). */
  tiers: Map<string, TierPolicy>;
  /** Every pattern listed must match (a domain adds patterns, never replaces them). */
  naming: { contractName: NamingPattern[]; object: NamingPattern[]; property: NamingPattern[]; team: NamingPattern[] };
  /** Rule level overrides by rule id. */
  rules: Map<string, RuleLevel>;
}

export function emptyPolicy(): EffectivePolicy {
  return {
    classification: { levels: [] },
    personalData: { tags: [], requiredTags: [], classifications: [] },
    requiredFields: [],
    tiers: new Map(),
    naming: { contractName: [], object: [], property: [], team: [] },
    rules: new Map(),
  };
}

/** Rank of a classification in the taxonomy (-1 when unknown). */
export function classificationRank(policy: EffectivePolicy, level: string): number {
  return policy.classification.levels.indexOf(level);
}
