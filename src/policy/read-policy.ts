// Reads the policy vocabulary from mesh.yaml (top level) or a domain.yaml `policy:` block into a
// PolicyBlock, reporting every malformed entry (unknown key, wrong type, bad regex, unknown SLA
// property, unparsable duration, unknown rule id) with the path it was found at. Pure; never throws.
import type { JsonPath } from '../finding.js';
import { suggest } from '../odcs/schema-messages.js';
import { knownSlaNames, normaliseSlaValue, slaProperty } from '../odcs/sla-properties.js';
import { toSeconds } from '../odcs/units.js';
import { RULE_LEVELS, type NamingPattern, type RuleLevel, type SloFloor } from './policy.js';

/** One policy problem, located inside the policy document. */
export interface PolicyProblem {
  kind: 'invalid' | 'loosening';
  path: JsonPath;
  message: string;
  fix?: string;
}

/** A parsed (not yet merged) policy block: only what the file says. */
export interface PolicyBlock {
  /** Where the block sits in its document: [] for mesh.yaml, ['policy'] for domain.yaml. */
  base: JsonPath;
  classification?: { levels?: string[]; default?: string };
  personalData?: {
    tags?: string[];
    requiredTags?: string[];
    classifications?: string[];
    minimumClassification?: string;
    maxRetention?: { seconds: number; text: string };
  };
  requiredFields?: string[];
  tiers?: Map<string, { requiredSla?: string[]; floors?: Map<string, SloFloor> }>;
  naming?: { contractName?: NamingPattern; object?: NamingPattern; property?: NamingPattern; team?: NamingPattern };
  rules?: Map<string, RuleLevel>;
}

/** Keys of the policy vocabulary (mesh.yaml may hold them at top level, domain.yaml under `policy:`). */
export const POLICY_KEYS = ['classification', 'personalData', 'requiredFields', 'tiers', 'naming', 'rules'] as const;
const CLASSIFICATION_KEYS = ['levels', 'default'];
const PERSONAL_DATA_KEYS = ['tags', 'requiredTags', 'classifications', 'minimumClassification', 'maxRetention'];
const TIER_KEYS = ['requiredSla', 'floors', 'ceilings', 'description'];
const NAMING_KEYS = ['contractName', 'object', 'property', 'team'] as const;
/** Older spellings still accepted. */
const NAMING_ALIASES: Record<string, (typeof NAMING_KEYS)[number]> = { schemaObject: 'object' };
/** Rule-id areas that belong to lint; ids of other areas (breaking-change rules) are left to their engine. */
export const LINT_RULE_AREAS = ['odcs', 'schema', 'quality', 'sla', 'policy', 'naming', 'ownership', 'domain', 'lineage'];

type Raw = Record<string, unknown>;

function isMapping(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

export function readPolicyBlock(
  raw: Raw,
  base: JsonPath,
  options: {
    knownRuleIds: readonly string[];
    /** Lint-area ids checked by something else (e.g. `odcs/schema`), accepted but not overridable here. */
    otherRuleIds?: readonly string[];
    extraKeys?: readonly string[];
    source: string;
  },
): { block: PolicyBlock; problems: PolicyProblem[] } {
  const problems: PolicyProblem[] = [];
  const block: PolicyBlock = { base };
  const invalid = (path: JsonPath, message: string, fix?: string) => problems.push({ kind: 'invalid', path: [...base, ...path], message, ...(fix ? { fix } : {}) });
  const allowedTop = [...POLICY_KEYS, ...(options.extraKeys ?? [])];
  unknownKeys(raw, allowedTop, [], invalid);

  const stringList = (value: unknown, path: JsonPath): string[] | undefined => {
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v === '')) {
      invalid(path, `${last(path)} must be a list of non-empty strings`);
      return undefined;
    }
    return value as string[];
  };
  const str = (value: unknown, path: JsonPath): string | undefined => {
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value === '') {
      invalid(path, `${last(path)} must be a non-empty string`);
      return undefined;
    }
    return value;
  };
  const section = (key: string): Raw | undefined => {
    const value = raw[key];
    if (value === undefined || value === null) return undefined;
    if (!isMapping(value)) {
      invalid([key], `${key} must be a mapping`);
      return undefined;
    }
    return value;
  };

  const classification = section('classification');
  if (classification) {
    unknownKeys(classification, CLASSIFICATION_KEYS, ['classification'], invalid);
    const levels = stringList(classification.levels, ['classification', 'levels']);
    if (levels && new Set(levels).size !== levels.length) invalid(['classification', 'levels'], 'classification.levels lists a level twice');
    block.classification = { levels, default: str(classification.default, ['classification', 'default']) };
  }

  const personal = section('personalData');
  if (personal) {
    unknownKeys(personal, PERSONAL_DATA_KEYS, ['personalData'], invalid);
    block.personalData = {
      tags: stringList(personal.tags, ['personalData', 'tags']),
      requiredTags: stringList(personal.requiredTags, ['personalData', 'requiredTags']),
      classifications: stringList(personal.classifications, ['personalData', 'classifications']),
      minimumClassification: str(personal.minimumClassification, ['personalData', 'minimumClassification']),
    };
    if (personal.maxRetention !== undefined) {
      const seconds = toSeconds(personal.maxRetention);
      if (seconds === undefined) {
        invalid(['personalData', 'maxRetention'], `maxRetention ${JSON.stringify(personal.maxRetention)} is not a duration`, 'write an ISO-8601 duration such as P3Y, or "3y"');
      } else {
        block.personalData.maxRetention = { seconds, text: String(personal.maxRetention) };
      }
    }
  }

  if (raw.requiredFields !== undefined) block.requiredFields = stringList(raw.requiredFields, ['requiredFields']);

  const tiers = section('tiers');
  if (tiers) {
    block.tiers = new Map();
    for (const [tier, value] of Object.entries(tiers)) {
      if (!isMapping(value)) {
        invalid(['tiers', tier], `tier ${tier} must be a mapping with requiredSla and/or floors`);
        continue;
      }
      unknownKeys(value, TIER_KEYS, ['tiers', tier], invalid);
      const entry: { requiredSla?: string[]; floors?: Map<string, SloFloor> } = {};
      const required = stringList(value.requiredSla, ['tiers', tier, 'requiredSla']);
      if (required) {
        entry.requiredSla = [];
        required.forEach((name, i) => {
          const def = slaProperty(name);
          if (def) entry.requiredSla!.push(def.name);
          else invalid(['tiers', tier, 'requiredSla', i], unknownSla(name), 'use an ODCS SLA property name');
        });
      }
      for (const boundKey of ['floors', 'ceilings'] as const) {
        const bounds = value[boundKey];
        if (bounds === undefined) continue;
        if (!isMapping(bounds)) {
          invalid(['tiers', tier, boundKey], `${boundKey} must be a mapping of SLA property to value`);
          continue;
        }
        entry.floors ??= new Map();
        for (const [name, given] of Object.entries(bounds)) {
          const path = ['tiers', tier, boundKey, name];
          const def = slaProperty(name);
          if (!def) {
            invalid(path, unknownSla(name), 'use an ODCS SLA property name');
            continue;
          }
          if (def.better === 'none') {
            invalid(path, `${def.name} has no better or worse values, so it cannot have a bound`);
            continue;
          }
          if (boundKey === 'ceilings' && def.better === 'higher') {
            invalid(path, `${def.name} is better when higher, so its bound is a floor, not a ceiling`, `move ${name} under floors`);
            continue;
          }
          const { value: v, unit } = isMapping(given) ? { value: given.value, unit: typeof given.unit === 'string' ? given.unit : undefined } : { value: given, unit: undefined };
          const normalised = normaliseSlaValue(def, v, unit);
          if (normalised === undefined) {
            invalid(path, `bound ${JSON.stringify(given)} for ${def.name} cannot be evaluated`, def.kind === 'duration' ? 'write a duration such as "1h" or "PT1H"' : 'write a number');
            continue;
          }
          entry.floors.set(def.name, { property: def.name, value: normalised, text: unit ? `${String(v)}${unit}` : String(v) });
        }
      }
      block.tiers.set(String(tier), entry);
    }
  }

  const naming = section('naming');
  if (naming) {
    unknownKeys(naming, [...NAMING_KEYS, ...Object.keys(NAMING_ALIASES)], ['naming'], invalid);
    block.naming = {};
    for (const [given, key] of [...NAMING_KEYS.map((k) => [k, k] as const), ...Object.entries(NAMING_ALIASES)]) {
      const pattern = str(naming[given], ['naming', given]);
      if (pattern === undefined) continue;
      try {
        block.naming[key] = { regex: new RegExp(pattern, 'u'), source: `${options.source} naming.${given}` };
      } catch (error) {
        invalid(['naming', given], `naming.${given} is not a valid regular expression: ${(error as Error).message}`);
      }
    }
  }

  const rules = section('rules');
  if (rules) {
    block.rules = new Map();
    for (const [id, level] of Object.entries(rules)) {
      const area = id.split('/')[0];
      if (!options.knownRuleIds.includes(id) && (!LINT_RULE_AREAS.includes(area) || options.otherRuleIds?.includes(id))) {
        // Another engine's rule (breaking-change levels share this map): not lint's to judge.
        continue;
      }
      if (!options.knownRuleIds.includes(id)) {
        const guess = suggest(id, options.knownRuleIds);
        invalid(['rules', id], `unknown rule id "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}`, 'run `mesh rules` for the list of rule ids');
        continue;
      }
      if (typeof level !== 'string' || !(RULE_LEVELS as readonly string[]).includes(level)) {
        invalid(['rules', id], `level of ${id} must be one of ${RULE_LEVELS.join(', ')}, got ${JSON.stringify(level)}`);
        continue;
      }
      block.rules.set(id, level as RuleLevel);
    }
  }
  return { block, problems };
}

function unknownKeys(value: Raw, allowed: readonly string[], path: JsonPath, invalid: (path: JsonPath, message: string, fix?: string) => void): void {
  for (const key of Object.keys(value)) {
    if (allowed.includes(key)) continue;
    const guess = suggest(key, allowed);
    invalid([...path, key], `unknown policy key "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}`, `known keys here: ${allowed.join(', ')}`);
  }
}

function unknownSla(name: string): string {
  const guess = suggest(name, knownSlaNames());
  return `"${name}" is not an SLA property${guess ? ` (did you mean "${guess}"?)` : ''}`;
}

function last(path: JsonPath): string {
  return String(path[path.length - 1]);
}
