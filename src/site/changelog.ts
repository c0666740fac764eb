// The versions list of a contract page: from the contract file's git history (one entry per commit
// that touched it, oldest first) to one row per version with the date it first appeared and whether
// it broke consumers of the previous version (decided by the breaking-change engine when available).
import type { VersionView } from './model.js';

export interface HistoryEntry {
  commit: string;
  /** ISO-8601 author date. */
  date: string;
  subject: string;
  /** The contract file's text at that commit. */
  text: string;
}

/** Compares two versions of a contract; undefined when it cannot tell. */
export type BreakingCheck = (previous: string, next: string) => boolean | undefined;

/** The top-level `version:` of an ODCS YAML text, without parsing the whole document. */
export function versionOfText(text: string): string | undefined {
  const m = /^version:[ \t]*["']?([^"'\s#]+)["']?[ \t]*(?:#.*)?$/m.exec(text);
  return m?.[1];
}

function label(breaking: boolean | undefined): string {
  return breaking === true ? 'Breaking' : breaking === false ? 'Compatible' : 'Not checked';
}

/**
 * One row per version, newest first. `history` is oldest first; `currentText` is the working copy
 * (a version not committed yet shows without a date).
 */
export function versionsOf(history: readonly HistoryEntry[], currentText: string, isBreaking?: BreakingCheck): VersionView[] {
  const releases: { version: string; first: HistoryEntry | undefined; text: string; lastText: string }[] = [];
  for (const entry of history) {
    const version = versionOfText(entry.text);
    if (!version) continue;
    const last = releases[releases.length - 1];
    if (last && last.version === version) {
      last.lastText = entry.text;
      continue;
    }
    releases.push({ version, first: entry, text: entry.text, lastText: entry.text });
  }
  const currentVersion = versionOfText(currentText);
  const last = releases[releases.length - 1];
  if (currentVersion && (!last || last.version !== currentVersion)) releases.push({ version: currentVersion, first: undefined, text: currentText, lastText: currentText });

  const rows: VersionView[] = releases.map((release, i) => {
    const previous = releases[i - 1];
    const breaking = previous && isBreaking ? isBreaking(previous.lastText, release.text) : undefined;
    return {
      version: release.version,
      date: release.first?.date.slice(0, 10),
      commit: release.first?.commit.slice(0, 12),
      subject: release.first?.subject ?? (release.first ? undefined : 'not committed yet'),
      breaking: previous ? breaking : undefined,
      breakingLabel: previous ? label(breaking) : 'First version',
      current: i === releases.length - 1,
    };
  });
  return rows.reverse();
}
