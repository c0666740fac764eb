// The breaking-change engine: two parsed contracts (plain data, $refs resolved) in, a DiffReport out.
// Pure: no files, no git, no clock (pass `today` for waiver expiry). Walks the contract, pairs
// schema objects and properties by id then name (never by position), runs every rule of the
// registry at each place, then applies severity overrides, waivers and the semver verdict.
import { checkVersion, isSemver, maxBump, type Bump } from '../semver.js';
import { matchNodes, type MatchedPair, type MatchResult } from './match.js';
import { childNode, deepEqual, elements, isObj, nameLabel, root, type Node, type Obj } from './nodes.js';
import { RULES } from './registry.js';
import { SEVERITY_RANK, type Change, type ChangeSeverity, type Consumer, type DiffReport, type ValueSetCheck, type Waiver } from './report.js';
import { DEFAULT_SETTINGS, shortName, type BreakingRule, type DiffSettings, type ElementContext, type ElementRule, type Where } from './rule.js';
import { contractWaivers, findWaiver } from './waivers.js';

export type SeverityOverride = ChangeSeverity | 'off';

export interface DiffOptions {
  /** Severity per rule id (`breaking/enum-value-added` or `enum-value-added`), or `off`. */
  overrides?: Readonly<Record<string, SeverityOverride>>;
  /** Waivers besides those in the new contract (e.g. from the PR body). */
  waivers?: readonly (Omit<Waiver, 'source'> & { source?: Waiver['source'] })[];
  /** Products that read this contract (ODPS input ports): lifecycle rules and the report use them. */
  consumers?: readonly Consumer[];
  /** Domain owning the contract (consumers from other domains make a deletion breaking). */
  domain?: string;
  /** Classification taxonomy and personal-data tags of the mesh. */
  settings?: Partial<DiffSettings>;
  /** Today as YYYY-MM-DD: waivers whose `until` is earlier are ignored. */
  today?: string;
  /** json-schema-diff results per schema object (see confirm.ts), for the cross-check rule. */
  valueSets?: readonly (ValueSetCheck & { oldPath: string; newPath: string })[];
  /** Rules to run (default: every rule of the registry). */
  rules?: readonly BreakingRule[];
}

/** Keys a schema element is renamed by; equal definitions apart from these make a probable rename. */
export const RENAME_IGNORING = ['id', 'name', 'physicalName', 'businessName', 'description'] as const;

export interface RawChange {
  rule: BreakingRule;
  where: Where;
  path?: string;
  message: string;
}

export function schemaObjects(contract: Node | undefined): Node[] {
  return elements(contract, 'schema', nameLabel);
}

export function propertiesOf(el: Node): Node[] {
  return elements(el, 'properties', nameLabel);
}

export function matchElements(oldNodes: Node[], newNodes: Node[]): MatchResult {
  return matchNodes(oldNodes, newNodes, { renameIgnoring: RENAME_IGNORING });
}

export function diffContracts(oldData: Obj | undefined, newData: Obj | undefined, options: DiffOptions = {}): DiffReport {
  const rules = options.rules ?? RULES;
  const settings: DiffSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  const consumers = options.consumers ?? [];
  const oldRoot = oldData ? root(oldData) : undefined;
  const newRoot = newData ? root(newData) : undefined;
  const raw: RawChange[] = [];
  const reporter = (rule: BreakingRule) => (where: Where, message: string) => raw.push({ rule, where, message });

  const idChanged = oldData !== undefined && newData !== undefined && oldData.id !== undefined && newData.id !== undefined && oldData.id !== newData.id;
  const objects: MatchResult = oldRoot && newRoot && !idChanged ? matchElements(schemaObjects(oldRoot), schemaObjects(newRoot)) : { pairs: [], removed: [], added: [] };
  const contractCtx = { old: oldRoot, new: newRoot, objects, settings, consumers, domain: options.domain };
  const elementRules = rules.filter((r): r is ElementRule => r.scope === 'element');

  for (const rule of rules) {
    if (rule.scope !== 'contract') continue;
    // An id change is a remove + add: only the rule that says so runs.
    if (idChanged && rule.id !== 'breaking/contract-id-changed') continue;
    rule.check(contractCtx, reporter(rule));
  }

  const walk = (kind: ElementContext['kind'], pair: { old: Node; new: Node; by: MatchedPair['by'] | 'root' }) => {
    // Identical elements (the vast majority) cannot change anything: skip their rules and subtree.
    if (pair.by !== 'definition' && pair.old.value.name === pair.new.value.name && deepEqual(pair.old.value, pair.new.value)) return;
    const properties = matchElements(propertiesOf(pair.old), propertiesOf(pair.new));
    const ctx: ElementContext = { kind, old: pair.old, new: pair.new, by: pair.by, properties, settings };
    for (const rule of elementRules) rule.check(ctx, reporter(rule));
    for (const child of properties.pairs) walk('property', child);
    const oldItems = childNode(pair.old, 'items');
    const newItems = childNode(pair.new, 'items');
    if (oldItems && newItems) walk('items', { old: oldItems, new: newItems, by: 'root' });
  };
  if (!idChanged) for (const pair of objects.pairs) walk('object', pair);

  if (options.valueSets && options.valueSets.length > 0) {
    const seen = raw.map((r) => ({
      rule: r.rule.id,
      path: (r.where.new ?? r.where.old)?.path ?? '',
      message: r.message,
      oldPath: r.where.old?.path,
      newPath: r.where.new?.path,
      widensValues: r.rule.widensValues === true,
    }));
    for (const rule of rules) {
      if (rule.scope !== 'report') continue;
      rule.check({ changes: seen, valueSets: options.valueSets }, (path, message) => raw.push({ rule, where: {}, path, message }));
    }
  }

  const { changes, counts, required } = settleChanges(raw, options, newData ?? oldData);

  const oldVersion = versionText(oldData?.version);
  const newVersion = versionText(newData?.version);
  const report: DiffReport = {
    breaking: counts.breaking > 0,
    requiredBump: required,
    oldVersion,
    newVersion,
    versionOk: true,
    suggestedVersion: newVersion,
    versionStatus: 'ok',
    changes,
    counts,
  };
  const id = newData?.id ?? oldData?.id;
  if (typeof id === 'string') report.contractId = id;
  if (consumers.length > 0) report.consumers = [...consumers];
  if (options.valueSets) report.valueSets = options.valueSets.map(({ path, additionsFound, removalsFound }) => ({ path, additionsFound, removalsFound }));

  if (!oldData || !newData || idChanged) {
    report.lifecycle = !oldData ? 'added' : !newData ? 'removed' : undefined;
    if (!report.lifecycle) delete report.lifecycle;
    checkAddedOrDeletedVersion(report, newData, 'a deleted contract cannot be bumped: mark it deprecated, then retired, once no product reads it (or waive the change)');
    return report;
  }
  const check = checkVersion(oldData.version, newData.version, required);
  report.versionOk = check.ok;
  report.versionStatus = check.status;
  report.suggestedVersion = check.suggested;
  if (check.problem) report.versionProblem = check.problem;
  return report;
}

/**
 * Raw rule reports → the report's changes: severity overrides (`off` drops a change), waivers (from
 * the document's `meshBreakingWaivers` and the options), sorting, counts and the bump they require.
 */
export function settleChanges(
  raw: readonly RawChange[],
  options: Pick<DiffOptions, 'overrides' | 'waivers' | 'today'>,
  document: Obj | undefined,
): { changes: Change[]; counts: DiffReport['counts']; required: Bump } {
  const waivers: Waiver[] = [
    ...contractWaivers(document).waivers,
    ...(options.waivers ?? []).map((w) => ({ ...w, source: w.source ?? ('options' as const) })),
  ];
  const changes: Change[] = [];
  const bumpOf = new Map<Change, Bump>();
  for (const r of raw) {
    const severity = severityFor(r.rule, options.overrides);
    if (severity === 'off') continue;
    const change = toChange(r, severity);
    const waiver = findWaiver(change, waivers, options.today);
    if (waiver) {
      change.waived = { reason: waiver.reason, source: waiver.source };
      if (waiver.until) change.waived.until = waiver.until;
    }
    changes.push(change);
    bumpOf.set(change, bumpFor(r.rule, change));
  }
  changes.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.waived ? 1 : 0) - (b.waived ? 1 : 0) || a.path.localeCompare(b.path) || a.rule.localeCompare(b.rule));

  const counts = { breaking: 0, dangerous: 0, info: 0, waived: 0 };
  let required: Bump = 'none';
  for (const c of changes) {
    if (c.waived) counts.waived++;
    else counts[c.severity]++;
    required = maxBump(required, bumpOf.get(c)!);
  }
  return { changes, counts, required };
}

/**
 * The version check of a document (contract or data product) that was added or deleted: there is
 * no predecessor to bump from. A new one needs a semantic version; no version can make a deletion
 * with breaking changes compatible (`deletedProblem` says what to do instead).
 */
export function checkAddedOrDeletedVersion(report: DiffReport, newData: Obj | undefined, deletedProblem: string): void {
  if (newData && !isSemver(newData.version)) {
    report.versionOk = false;
    report.versionStatus = 'invalid';
    report.versionProblem = `the version ${JSON.stringify(newData.version ?? null)} is not a semantic version (MAJOR.MINOR.PATCH)`;
    report.suggestedVersion = '1.0.0';
  }
  if (!newData) {
    report.suggestedVersion = '';
    if (report.breaking) {
      report.versionOk = false;
      report.versionStatus = 'insufficient';
      report.versionProblem = deletedProblem;
    }
  }
}

export function versionText(version: unknown): string {
  return version === undefined || version === null ? '' : String(version);
}

export function severityFor(rule: BreakingRule, overrides: DiffOptions['overrides']): SeverityOverride {
  if (!overrides) return rule.severity;
  return overrides[rule.id] ?? overrides[shortName(rule.id)] ?? rule.severity;
}

function bumpFor(rule: BreakingRule, change: Change): Bump {
  if (change.severity === 'breaking') return change.waived ? 'minor' : 'major';
  if (change.severity === 'dangerous') return 'minor';
  return rule.bump ?? 'patch';
}

function toChange(r: RawChange, severity: ChangeSeverity): Change {
  const { old, new: neu } = r.where;
  const path = r.path ?? ((neu ?? old)?.path || '(contract)');
  const change: Change = { rule: r.rule.id, severity, path, message: r.message };
  if (old && neu && old.path !== neu.path) {
    change.oldPath = old.path;
    change.newPath = neu.path;
  }
  if (severity !== r.rule.severity) change.defaultSeverity = r.rule.severity;
  if (neu) change.newPointer = neu.pointer;
  if (old) change.oldPointer = old.pointer;
  return change;
}

export { isObj };
