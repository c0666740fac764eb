// Which commits to compare: an explicit ref, or the merge-base with origin's default branch, falling
// back to main/master and finally HEAD~1 — and a sentence saying which was used.
import { git, gitText } from './git.js';

export interface ResolvedRef {
  /** The ref as the user would write it (`origin/main`, `HEAD~1`, a sha). */
  ref: string;
  /** Full commit sha. */
  sha: string;
  /** How it was chosen, for the report. */
  how: string;
}

/** Commit sha of a ref, or undefined when it does not name a commit. */
export async function commitOf(cwd: string, ref: string): Promise<string | undefined> {
  if (ref.startsWith('-')) return undefined; // never let a ref become an option
  try {
    return (await gitText(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim() || undefined;
  } catch {
    return undefined;
  }
}

async function mergeBase(cwd: string, a: string, b: string): Promise<string | undefined> {
  try {
    return (await gitText(cwd, ['merge-base', a, b])).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** origin's default branch (`origin/HEAD` → `origin/main`), when the remote says. */
async function originDefault(cwd: string): Promise<string | undefined> {
  try {
    const out = (await gitText(cwd, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'])).trim();
    return out.replace(/^refs\/remotes\//, '') || undefined;
  } catch {
    return undefined;
  }
}

export async function resolveBase(cwd: string, explicit?: string, head = 'HEAD'): Promise<ResolvedRef> {
  if (explicit !== undefined) {
    const sha = await commitOf(cwd, explicit);
    if (!sha) throw new Error(`--base ${explicit} is not a commit in this repository`);
    return { ref: explicit, sha, how: 'given with --base' };
  }
  const headSha = await commitOf(cwd, head);
  if (!headSha) throw new Error('the repository has no commits yet: nothing to compare with');
  const candidates: { ref: string; how: string }[] = [];
  const def = await originDefault(cwd);
  if (def) candidates.push({ ref: def, how: `merge-base with ${def} (origin's default branch)` });
  for (const name of ['origin/main', 'origin/master', 'main', 'master']) {
    if (name !== def) candidates.push({ ref: name, how: `merge-base with ${name}` });
  }
  for (const c of candidates) {
    const sha = await commitOf(cwd, c.ref);
    if (!sha) continue;
    const base = await mergeBase(cwd, sha, headSha);
    if (!base) continue;
    // On the default branch itself the merge-base is HEAD: compare with the previous commit instead.
    if (base === headSha && head === 'HEAD') {
      const parent = await commitOf(cwd, 'HEAD~1');
      if (parent) return { ref: 'HEAD~1', sha: parent, how: `HEAD is on ${c.ref}: compared with the previous commit` };
    }
    return { ref: c.ref, sha: base, how: c.how };
  }
  const parent = await commitOf(cwd, 'HEAD~1');
  if (parent) return { ref: 'HEAD~1', sha: parent, how: 'no origin default branch, main or master found: compared with the previous commit' };
  return { ref: 'HEAD', sha: headSha, how: 'a single commit: compared with HEAD' };
}

export { git };
