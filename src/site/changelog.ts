// The versions list of a contract page: from the contract file's git history (one entry per commit
// that touched it, oldest first) to one row per version with the date it first appeared and whether
// it broke consumers of the previous version. Versions are grouped exactly as `mesh changelog`
// groups them (src/changelog.ts); the breaking-change check is given by the caller (the CLI passes
// one backed by the breaking-change engine, src/git/contract-revisions.ts).
import { groupReleases, versionOfText, type Revision } from '../changelog.js';
import type { VersionView } from './model.js';

export { versionOfText };

/** A committed revision of the contract file. */
export type HistoryEntry = Revision & { commit: string; date: string; subject: string };

/** Compares the last revision of the previous version with the first of the next; undefined when it cannot tell. */
export type BreakingCheck = (previous: Revision, next: Revision) => boolean | undefined | Promise<boolean | undefined>;

function label(breaking: boolean | undefined): string {
  return breaking === true ? 'Breaking' : breaking === false ? 'Compatible' : 'Not checked';
}

/**
 * One row per version, newest first. `history` is oldest first; `current` is the working copy
 * (a version not committed yet shows without a date).
 */
export async function versionsOf(history: readonly HistoryEntry[], current: Revision, isBreaking?: BreakingCheck): Promise<VersionView[]> {
  const revisions: Revision[] = [...history];
  const lastCommitted = history[history.length - 1];
  // The working copy counts only when it carries a version of its own (edits under the committed version do not add a row).
  if (!lastCommitted || versionOfText(lastCommitted.text) !== versionOfText(current.text)) revisions.push(current);
  const releases = groupReleases(revisions);

  const rows: VersionView[] = [];
  for (const [i, release] of releases.entries()) {
    const first = release.revisions[0];
    const previous = releases[i - 1];
    const breaking = previous && isBreaking ? await isBreaking(previous.revisions[previous.revisions.length - 1], first) : undefined;
    rows.push({
      version: release.version,
      date: first.date?.slice(0, 10),
      commit: first.commit?.slice(0, 12),
      subject: first.commit ? first.subject : 'not committed yet',
      breaking: previous ? breaking : undefined,
      breakingLabel: previous ? label(breaking) : 'First version',
      current: i === releases.length - 1,
    });
  }
  return rows.reverse();
}
