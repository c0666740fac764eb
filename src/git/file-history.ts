// The git history of contract files: who changed them, when, and their text at each commit. Two or
// three git processes whatever the mesh size (`git log --raw`, one `git cat-file --batch`). Used by
// the site's versions list (every contract of a folder) and by `mesh changelog` (one contract,
// followed across moves by its `id`). No git, or not a repository: an empty history.
import { gitText } from './git.js';
import { readBlobs } from './tree.js';

/** One committed version of a file. */
export interface FileRevision {
  /** Full commit sha. */
  commit: string;
  /** ISO-8601 author date. */
  date: string;
  author: string;
  email: string;
  /** First line of the commit message. */
  subject: string;
  /** Repository-relative path, `/` separators. */
  path: string;
  /** The file's text at that commit. */
  text: string;
}

interface RawChange {
  commit: string;
  date: string;
  author: string;
  email: string;
  subject: string;
  path: string;
  /** Where the file was, when git saw this change as a rename. */
  oldPath?: string;
  /** Blob sha; all zeros when the commit deleted the file. */
  blob: string;
}

const FORMAT = '--format=%x1e%H%x09%aI%x09%an%x09%ae%x09%s';
const DELETED = /^0+$/;

/** `git log --raw` over paths, newest commit first (parents after all their children); with or without git's rename detection. */
async function logChanges(root: string, paths: readonly string[], renames = false): Promise<RawChange[]> {
  const out = await gitText(root, ['-c', 'core.quotepath=off', 'log', '--date-order', FORMAT, '--raw', '-z', '--no-abbrev', renames ? '--find-renames' : '--no-renames', '--', ...paths]);
  const changes: RawChange[] = [];
  for (const record of out.split('\x1e')) {
    if (!record.trim()) continue;
    // With -z: "<header>\0" then "\n:meta\0path\0" pairs.
    const nl = record.indexOf('\0');
    const head = nl < 0 ? record : record.slice(0, nl);
    const [commit, date, author, email, ...subject] = head.split('\t');
    const fields = nl < 0 ? [] : record.slice(nl + 1).split('\0');
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const meta = /^\n?:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) ([A-Z])\d*$/.exec(fields[i]);
      if (!meta) continue;
      const change: RawChange = { commit, date, author, email, subject: subject.join('\t'), path: fields[i + 1], blob: meta[1] };
      if (meta[2] === 'R' || meta[2] === 'C') {
        // Renames and copies name two paths: where the file was, and where it is.
        if (meta[2] === 'R') change.oldPath = fields[i + 1];
        change.path = fields[i + 2];
        i += 1;
      }
      changes.push(change);
    }
  }
  return changes;
}

async function withTexts(root: string, changes: readonly RawChange[]): Promise<FileRevision[]> {
  const live = changes.filter((c) => !DELETED.test(c.blob));
  const blobs = await readBlobs(root, live.map((c) => c.blob));
  return live.map((c) => ({ commit: c.commit, date: c.date, author: c.author, email: c.email, subject: c.subject, path: c.path, text: blobs.get(c.blob)?.toString('utf8') ?? '' }));
}

/** The repository root containing `dir`, or undefined outside a repository (or without git). */
export async function gitRoot(dir: string): Promise<string | undefined> {
  try {
    return (await gitText(dir, ['rev-parse', '--show-toplevel'])).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Oldest-first history of each wanted file (repository-relative paths) under `dirRel`, following
 * the moves git's rename detection sees inside the folder. One `git log` for the whole folder and
 * one `git cat-file` for the texts, whatever the number of files.
 */
export async function readFileHistories(root: string, dirRel: string, wanted: readonly string[]): Promise<Map<string, FileRevision[]>> {
  let changes: RawChange[];
  try {
    changes = (await logChanges(root, [dirRel || '.'], true)).reverse();
  } catch {
    return new Map(); // no commits yet, or the folder was never committed
  }
  // Replay oldest first: a rename carries the history over to the new path; a deletion ends it.
  const byPath = new Map<string, RawChange[]>();
  for (const change of changes) {
    const list = (change.oldPath !== undefined ? byPath.get(change.oldPath) : undefined) ?? byPath.get(change.path) ?? [];
    if (change.oldPath !== undefined) byPath.delete(change.oldPath);
    if (DELETED.test(change.blob)) {
      byPath.delete(change.path);
      continue;
    }
    list.push(change);
    byPath.set(change.path, list);
  }
  const want = new Set(wanted);
  const kept = [...byPath].filter(([p]) => want.has(p));
  const texts = new Map((await withTexts(root, kept.flatMap(([, list]) => list))).map((r, i) => [i, r]));
  const out = new Map<string, FileRevision[]>();
  let i = 0;
  for (const [p, list] of kept) {
    out.set(p, list.map(() => texts.get(i++) as FileRevision));
  }
  return out;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The top-level `id:` of an ODCS YAML text, without parsing the whole document. */
export function idOfText(text: string): string | undefined {
  const m = /^id:[ \t]*["']?([^"'\s#]+)["']?[ \t]*(?:#.*)?$/m.exec(text);
  return m?.[1];
}

export interface ContractHistoryQuery {
  /** The contract's repository-relative path today (or its last path). */
  path?: string;
  /** The contract id: versions under other paths that carry it are part of the history. */
  id?: string;
  /** Repository-relative folder searched for other paths of the id (`contracts`). */
  dirRel: string;
}

/**
 * Every committed version of one contract, oldest first, following moves: the paths that ever held
 * a top-level `id: <id>` (git's pickaxe over `dirRel`) and git's rename tracking of `path`. A
 * version whose text carries another id is not part of it. When two paths hold the id at once (a
 * copy), the most recently changed one is followed.
 */
export async function readContractHistory(root: string, query: ContractHistoryQuery): Promise<FileRevision[]> {
  const paths = new Set<string>();
  if (query.path) paths.add(query.path);
  try {
    if (query.id) {
      const pattern = `^id:[[:space:]]*["']?${escapeRegex(query.id)}["']?[[:space:]]*(#.*)?$`;
      const out = await gitText(root, ['-c', 'core.quotepath=off', 'log', '--format=', '--name-only', '-z', '--no-renames', '-E', `-G${pattern}`, '--', query.dirRel || '.']);
      for (const p of out.split(/[\0\n]/)) if (p) paths.add(p);
    }
    if (query.path) {
      const out = await gitText(root, ['-c', 'core.quotepath=off', 'log', '--follow', '--format=', '--name-only', '-z', '--', query.path]);
      for (const p of out.split(/[\0\n]/)) if (p) paths.add(p);
    }
  } catch {
    return [];
  }
  if (paths.size === 0) return [];
  let changes: RawChange[];
  try {
    changes = await logChanges(root, [...paths]);
  } catch {
    return [];
  }
  const texts = new Map((await withTexts(root, changes)).map((r) => [`${r.commit}\0${r.path}`, r.text]));
  // Replay commits oldest first, tracking which paths hold the contract.
  const byCommit: RawChange[][] = [];
  for (const change of changes) {
    const last = byCommit[byCommit.length - 1];
    if (last && last[0].commit === change.commit) last.push(change);
    else byCommit.push([change]);
  }
  const holding = new Map<string, string>(); // path → text
  let followed: string | undefined;
  const revisions: FileRevision[] = [];
  for (const group of byCommit.reverse()) {
    const touched: string[] = [];
    for (const change of group) {
      const text = texts.get(`${change.commit}\0${change.path}`);
      const ours = text !== undefined && (!query.id || idOfText(text) === query.id || (idOfText(text) === undefined && change.path === query.path));
      if (ours) {
        holding.set(change.path, text);
        touched.push(change.path);
      } else {
        holding.delete(change.path);
      }
    }
    const next = touched.find((p) => p === followed) ?? touched[0] ?? (followed && holding.has(followed) ? followed : [...holding.keys()][0]);
    if (next === undefined) {
      followed = undefined;
      continue;
    }
    const text = holding.get(next) as string;
    const previous = revisions[revisions.length - 1];
    followed = next;
    if (previous && previous.path === next && previous.text === text) continue;
    const c = group[0];
    revisions.push({ commit: c.commit, date: c.date, author: c.author, email: c.email, subject: c.subject, path: next, text });
  }
  return revisions;
}
