// Files changed between two commits (or a commit and the working tree), with git's rename detection.
import { git } from './git.js';

export interface ChangedFile {
  status: 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'other';
  path: string;
  /** For renames and copies: where the file was. */
  oldPath?: string;
}

const STATUS: Record<string, ChangedFile['status']> = { A: 'added', M: 'modified', D: 'deleted', R: 'renamed', C: 'copied' };

/** `git diff --name-status -M` between `base` and `head` (the working tree, untracked files included, when head is undefined). */
export async function changedFiles(cwd: string, base: string, head?: string, prefixes: readonly string[] = []): Promise<ChangedFile[]> {
  const args = ['diff', '--name-status', '-z', '--find-renames', base];
  if (head) args.push(head);
  args.push('--', ...prefixes);
  const out = (await git(cwd, args)).toString('utf8').split('\0');
  const files: ChangedFile[] = [];
  for (let i = 0; i < out.length; i++) {
    const code = out[i];
    if (!code) continue;
    const status = STATUS[code[0]] ?? 'other';
    if (status === 'renamed' || status === 'copied') {
      files.push({ status, oldPath: out[i + 1], path: out[i + 2] });
      i += 2;
    } else {
      files.push({ status, path: out[i + 1] });
      i += 1;
    }
  }
  if (!head) {
    const untracked = (await git(cwd, ['ls-files', '--others', '--exclude-standard', '-z', '--', ...prefixes])).toString('utf8').split('\0').filter(Boolean);
    for (const path of untracked) files.push({ status: 'added', path });
  }
  return files;
}

/** old path → new path for renamed files. */
export function renames(files: readonly ChangedFile[]): Map<string, string> {
  return new Map(files.filter((f) => f.status === 'renamed' && f.oldPath).map((f) => [f.oldPath!, f.path]));
}
