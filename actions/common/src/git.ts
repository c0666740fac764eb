// The files a pull request changes, from git (the workflow checks out with fetch-depth: 0, so both
// commits are there): `git diff --name-only --no-renames <base>...<head>`, i.e. against the merge
// base, as GitHub's "Files changed" tab shows them. Renames count as a deletion plus an addition,
// so the old path's owners are asked too.
import { execFileSync } from 'node:child_process';

export class GitError extends Error {
  override name = 'GitError';
}

function git(cwd: string, args: string[]): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new GitError(`git ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

function requireCommits(cwd: string, shas: readonly string[]): void {
  for (const sha of shas) {
    try {
      git(cwd, ['cat-file', '-e', `${sha}^{commit}`]);
    } catch {
      throw new GitError(`commit ${sha} is not in the checkout: use actions/checkout with fetch-depth: 0`);
    }
  }
}

export function changedFiles(cwd: string, base: string, head: string): string[] {
  requireCommits(cwd, [base, head]);
  return git(cwd, ['diff', '--name-only', '--no-renames', '-z', `${base}...${head}`, '--'])
    .split('\0')
    .filter(Boolean)
    .sort();
}

/** The commit a pull request's changes start from (what `base...head` diffs against). */
export function mergeBase(cwd: string, base: string, head: string): string {
  requireCommits(cwd, [base, head]);
  return git(cwd, ['merge-base', base, head]).trim();
}
