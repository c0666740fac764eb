// Waivers: an owner ships an intentional breaking change with a reason that shows in the report.
// Two sources (docs/breaking.md):
//   - in the contract: customProperties: [{property: meshBreakingWaivers, value: [{rule, path, reason, until?}]}]
//   - in the pull request body: a line `mesh-waive: <rule> <path> — <reason>`
import { isObj, str, type Obj } from './nodes.js';
import type { Change, Waiver } from './report.js';
import { shortName } from './rule.js';

export const WAIVER_PROPERTY = 'meshBreakingWaivers';

export interface WaiverProblem {
  message: string;
}

/** Waivers declared in a contract's customProperties, and problems with malformed entries. */
export function contractWaivers(contract: Obj | undefined): { waivers: Waiver[]; problems: WaiverProblem[] } {
  const waivers: Waiver[] = [];
  const problems: WaiverProblem[] = [];
  const props = contract?.customProperties;
  if (!Array.isArray(props)) return { waivers, problems };
  for (const prop of props) {
    if (!isObj(prop) || prop.property !== WAIVER_PROPERTY) continue;
    if (!Array.isArray(prop.value)) {
      problems.push({ message: `customProperties ${WAIVER_PROPERTY} must hold a list of {rule, path, reason, until?}` });
      continue;
    }
    prop.value.forEach((entry, i) => {
      const rule = isObj(entry) ? str(entry.rule) : undefined;
      const path = isObj(entry) ? str(entry.path) : undefined;
      const reason = isObj(entry) ? str(entry.reason) : undefined;
      if (!isObj(entry) || !rule || !path || !reason) {
        problems.push({ message: `${WAIVER_PROPERTY}[${i}] needs rule, path and reason (strings)` });
        return;
      }
      const waiver: Waiver = { rule, path, reason, source: 'contract' };
      const until = entry.until instanceof Date ? entry.until.toISOString().slice(0, 10) : str(entry.until);
      if (until !== undefined) waiver.until = until;
      waivers.push(waiver);
    });
  }
  return { waivers, problems };
}

const PR_LINE = /^\s*(?:[-*]\s*)?mesh-waive:\s*(\S+)\s+(\S+)\s*(?:—|–|--|-|:)\s*(.+?)\s*$/;

/** Waivers from a pull request body: one `mesh-waive: <rule> <path> — <reason>` per line. */
export function prWaivers(body: string): Waiver[] {
  const out: Waiver[] = [];
  for (const line of body.split(/\r?\n/)) {
    const m = PR_LINE.exec(line);
    if (m) out.push({ rule: m[1], path: m[2], reason: m[3], source: 'pr' });
  }
  return out;
}

function pathMatches(pattern: string, change: Change): boolean {
  const candidates = [change.path, change.oldPath, change.newPath].filter((p): p is string => p !== undefined);
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return candidates.some((p) => p.startsWith(pattern.slice(0, -1)));
  return candidates.includes(pattern);
}

/** The first waiver that covers a change and has not expired on `today` (YYYY-MM-DD). */
export function findWaiver(change: Change, waivers: readonly Waiver[], today?: string): Waiver | undefined {
  return waivers.find(
    (w) =>
      (w.rule === change.rule || shortName(w.rule) === shortName(change.rule)) &&
      pathMatches(w.path, change) &&
      (w.until === undefined || today === undefined || w.until >= today),
  );
}
