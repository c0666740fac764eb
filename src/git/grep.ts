// `git grep -l`: which files of a commit (or of the working tree, untracked files included) contain
// one of some fixed strings or match an extended regular expression. Used to find, without reading
// the whole mesh, the contracts that refer to a changed file and those that hold a given id.
import { git, GitError } from './git.js';

export interface GrepQuery {
  /** Fixed strings (any of them), or extended regular expressions with `regex: true`. */
  patterns: readonly string[];
  regex?: boolean;
  /** Commit to search; undefined: the working tree (tracked and untracked, not ignored). */
  commit?: string;
  /** Pathspecs limiting the search (git glob syntax, e.g. `*.yaml`). */
  pathspecs?: readonly string[];
}

/** Repository-relative paths of the matching files, sorted; empty when nothing matches. */
export async function grepFiles(cwd: string, query: GrepQuery): Promise<string[]> {
  if (query.patterns.length === 0) return [];
  const args = ['-c', 'core.quotepath=off', 'grep', '-l', '-z', '-I', '--no-color', query.regex ? '-E' : '-F'];
  if (!query.commit) args.push('--untracked');
  for (const p of query.patterns) args.push('-e', p);
  if (query.commit) args.push(query.commit);
  args.push('--', ...(query.pathspecs ?? []));
  let out: string;
  try {
    out = (await git(cwd, args)).toString('utf8');
  } catch (error) {
    // git grep exits 1 when nothing matches.
    if (error instanceof GitError && error.stderr === '') return [];
    throw error;
  }
  const prefix = query.commit ? `${query.commit}:` : '';
  return out
    .split('\0')
    .filter(Boolean)
    .map((p) => (prefix && p.startsWith(prefix) ? p.slice(prefix.length) : p))
    .sort();
}
