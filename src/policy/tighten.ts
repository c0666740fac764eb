// Merging policy blocks. mesh.yaml's block sets the global policy; a domain.yaml block may only
// tighten it: lists grow (tags, required fields, required SLA properties), limits move toward the
// stricter side (minimum classification up, retention cap down, SLO floors stronger), naming
// patterns add up, rule levels only rise. An attempt to loosen is reported and ignored, so the
// effective policy is never weaker than the global one.
import type { JsonPath, Severity } from '../finding.js';
import { slaProperty } from '../odcs/sla-properties.js';
import { levelRank, type EffectivePolicy, type RuleLevel, type TierPolicy } from './policy.js';
import type { PolicyBlock, PolicyProblem } from './read-policy.js';

export type MergeMode = 'global' | 'domain';

export function applyPolicyBlock(
  base: EffectivePolicy,
  block: PolicyBlock,
  mode: MergeMode,
  defaultSeverity: (ruleId: string) => Severity | undefined,
): { policy: EffectivePolicy; problems: PolicyProblem[] } {
  const problems: PolicyProblem[] = [];
  const at = (...path: JsonPath): JsonPath => [...block.base, ...path];
  const invalid = (path: JsonPath, message: string, fix?: string) => problems.push({ kind: 'invalid', path, message, ...(fix ? { fix } : {}) });
  const loosen = (path: JsonPath, message: string, fix: string) => problems.push({ kind: 'loosening', path, message, fix });
  const local = mode === 'domain';

  const policy: EffectivePolicy = {
    classification: { ...base.classification, levels: [...base.classification.levels] },
    personalData: { ...base.personalData },
    requiredFields: [...base.requiredFields],
    tiers: new Map([...base.tiers].map(([k, t]) => [k, { requiredSla: [...t.requiredSla], floors: new Map(t.floors) }])),
    naming: { contractName: [...base.naming.contractName], object: [...base.naming.object], property: [...base.naming.property], team: [...base.naming.team] },
    rules: new Map(base.rules),
  };

  // Classification taxonomy: global defines it; a domain may repeat it but not change it.
  const levels = block.classification?.levels;
  if (levels) {
    if (local && base.classification.levels.length > 0 && levels.join('\u0000') !== base.classification.levels.join('\u0000')) {
      loosen(at('classification', 'levels'), `a domain may not redefine the classification taxonomy (mesh.yaml: ${base.classification.levels.join(' < ')})`, 'remove classification.levels from domain.yaml');
    } else {
      policy.classification.levels = [...levels];
    }
  }
  const rank = (level: string) => policy.classification.levels.indexOf(level);
  const known = (level: string | undefined, path: JsonPath): level is string => {
    if (level === undefined) return false;
    if (policy.classification.levels.length > 0 && rank(level) < 0) {
      invalid(path, `"${level}" is not a classification level (levels: ${policy.classification.levels.join(', ')})`, 'use a level of classification.levels in mesh.yaml');
      return false;
    }
    return true;
  };

  const fallback = block.classification?.default;
  if (known(fallback, at('classification', 'default'))) {
    const current = policy.classification.default;
    if (local && current !== undefined && rank(fallback) < rank(current)) {
      loosen(at('classification', 'default'), `default classification "${fallback}" is weaker than the global "${current}"`, `use "${current}" or a stricter level`);
    } else policy.classification.default = fallback;
  }

  const pd = block.personalData;
  if (pd) {
    const union = (a: string[], b: string[] | undefined) => (b ? [...new Set([...a, ...b])] : a);
    const replaceOrUnion = (a: string[], b: string[] | undefined) => (local ? union(a, b) : (b ?? a));
    policy.personalData.tags = replaceOrUnion(policy.personalData.tags, pd.tags);
    policy.personalData.requiredTags = replaceOrUnion(policy.personalData.requiredTags, pd.requiredTags);
    pd.classifications?.forEach((c, i) => known(c, at('personalData', 'classifications', i)));
    policy.personalData.classifications = replaceOrUnion(policy.personalData.classifications, pd.classifications);
    const minimum = pd.minimumClassification;
    if (known(minimum, at('personalData', 'minimumClassification'))) {
      const current = policy.personalData.minimumClassification;
      if (local && current !== undefined && rank(minimum) < rank(current)) {
        loosen(at('personalData', 'minimumClassification'), `minimumClassification "${minimum}" is lower than the global "${current}"`, `use "${current}" or a stricter level`);
      } else policy.personalData.minimumClassification = minimum;
    }
    const retention = pd.maxRetention;
    if (retention) {
      const current = policy.personalData.maxRetention;
      if (local && current && retention.seconds > current.seconds) {
        loosen(at('personalData', 'maxRetention'), `maxRetention ${retention.text} is longer than the global ${current.text}`, `use ${current.text} or shorter`);
      } else policy.personalData.maxRetention = retention;
    }
  }

  if (block.requiredFields) {
    policy.requiredFields = local ? [...new Set([...policy.requiredFields, ...block.requiredFields])] : [...block.requiredFields];
  }

  if (block.tiers) {
    if (!local) policy.tiers = new Map();
    for (const [tier, entry] of block.tiers) {
      const current: TierPolicy = policy.tiers.get(tier) ?? { requiredSla: [], floors: new Map() };
      if (entry.requiredSla) current.requiredSla = [...new Set([...current.requiredSla, ...entry.requiredSla])];
      for (const [name, floor] of entry.floors ?? []) {
        const existing = current.floors.get(name);
        const def = slaProperty(name)!;
        const weaker = existing !== undefined && (def.better === 'higher' ? floor.value < existing.value : floor.value > existing.value);
        if (local && weaker) {
          loosen(at('tiers', tier, 'floors', name), `tier ${tier} ${name} floor ${floor.text} is weaker than the global ${existing!.text}`, `use ${existing!.text} or a stronger value`);
        } else current.floors.set(name, floor);
      }
      policy.tiers.set(tier, current);
    }
  }

  if (block.naming) {
    for (const key of ['contractName', 'object', 'property', 'team'] as const) {
      const pattern = block.naming[key];
      if (!pattern) continue;
      policy.naming[key] = local ? [...policy.naming[key], pattern] : [pattern];
    }
  }

  for (const [id, level] of block.rules ?? []) {
    const current: RuleLevel | undefined = policy.rules.get(id) ?? defaultSeverity(id);
    if (local && current !== undefined && levelRank(level) < levelRank(current)) {
      loosen(at('rules', id), `${id} is ${current} for the whole mesh; a domain may not lower it to ${level}`, `remove the override or raise it to ${current} or above`);
    } else policy.rules.set(id, level);
  }

  return { policy, problems };
}
