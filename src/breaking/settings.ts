// Breaking-change settings of a mesh: severity overrides from contracts/mesh.yaml (`breaking.rules`,
// or breaking ids in the shared `rules` map), tighten-only overrides from a domain.yaml
// (`policy.rules`), and the classification taxonomy and personal-data tags the rules compare with.
import { closest } from 'fastest-levenshtein';
import { isObj, type Obj } from './nodes.js';
import { breakingRule, RULES } from './registry.js';
import type { SeverityOverride } from './diff-contracts.js';
import type { DiffSettings } from './rule.js';
import { DEFAULT_SETTINGS } from './rule.js';

export interface BreakingConfig {
  overrides: Record<string, SeverityOverride>;
  settings: DiffSettings;
  /** Problems found while reading (unknown rule ids, bad levels, loosening attempts). */
  problems: { file: string; path: string; message: string }[];
}

const LEVEL_ALIASES: Record<string, SeverityOverride> = {
  breaking: 'breaking', error: 'breaking',
  dangerous: 'dangerous', warning: 'dangerous',
  info: 'info', off: 'off',
};
const STRICTNESS: Record<SeverityOverride, number> = { off: 0, info: 1, dangerous: 2, breaking: 3 };

function readRules(
  rules: unknown,
  file: string,
  where: string,
  onlyBreakingIds: boolean,
  problems: BreakingConfig['problems'],
): Map<string, SeverityOverride> {
  const out = new Map<string, SeverityOverride>();
  if (!isObj(rules)) return out;
  for (const [id, level] of Object.entries(rules)) {
    if (onlyBreakingIds && !id.startsWith('breaking/')) continue; // lint's rule ids share this map
    const rule = breakingRule(id);
    if (!rule) {
      const guess = closest(id.replace(/^breaking\//, ''), RULES.map((r) => r.id.slice('breaking/'.length)));
      problems.push({ file, path: `${where}.${id}`, message: `unknown breaking-change rule "${id}" (did you mean "breaking/${guess}"?); run \`mesh rules\` or see docs/breaking-rules.md` });
      continue;
    }
    const value = typeof level === 'string' ? LEVEL_ALIASES[level.toLowerCase()] : undefined;
    if (!value) {
      problems.push({ file, path: `${where}.${id}`, message: `level of ${rule.id} must be breaking, dangerous, info or off, got ${JSON.stringify(level)}` });
      continue;
    }
    out.set(rule.id, value);
  }
  return out;
}

export function breakingConfig(
  mesh: { file: string; data: Obj } | undefined,
  domain?: { file: string; data: Obj },
): BreakingConfig {
  const problems: BreakingConfig['problems'] = [];
  const settings: DiffSettings = { ...DEFAULT_SETTINGS };
  const overrides = new Map<string, SeverityOverride>();
  if (mesh) {
    const data = mesh.data;
    for (const [id, level] of readRules(data.rules, mesh.file, 'rules', true, problems)) overrides.set(id, level);
    const breaking = data.breaking;
    if (isObj(breaking)) for (const [id, level] of readRules(breaking.rules, mesh.file, 'breaking.rules', false, problems)) overrides.set(id, level);
    const classification = data.classification;
    if (isObj(classification)) {
      if (Array.isArray(classification.levels) && classification.levels.every((l) => typeof l === 'string')) settings.classificationLevels = classification.levels as string[];
      if (typeof classification.default === 'string') settings.defaultClassification = classification.default;
    }
    const personal = data.personalData;
    if (isObj(personal) && Array.isArray(personal.tags)) settings.personalDataTags = personal.tags.filter((t): t is string => typeof t === 'string');
  }
  if (domain) {
    const policy = domain.data.policy;
    const local = readRules(isObj(policy) ? policy.rules : undefined, domain.file, 'policy.rules', true, problems);
    for (const [id, level] of local) {
      const current = overrides.get(id) ?? breakingRule(id)!.severity;
      if (STRICTNESS[level] < STRICTNESS[current]) {
        problems.push({ file: domain.file, path: `policy.rules.${id}`, message: `a domain may only tighten breaking-change levels: ${id} is ${current} for the mesh, ${level} is looser and is ignored` });
        continue;
      }
      overrides.set(id, level);
    }
  }
  return { overrides: Object.fromEntries(overrides), settings, problems };
}
