// Runs git without a shell (execFile): arguments are never interpreted, refs cannot inject commands.
import { execFile } from 'node:child_process';

export class GitError extends Error {
  override name = 'GitError';
  constructor(message: string, readonly args: readonly string[], readonly stderr: string) {
    super(message);
  }
}

const MAX_BUFFER = 1024 * 1024 * 1024;

/** `git <args>` in `cwd`; resolves with stdout, rejects with a GitError carrying git's message. */
export function git(cwd: string, args: readonly string[], input?: string | Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile('git', [...args], { cwd, encoding: 'buffer', maxBuffer: MAX_BUFFER, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } }, (error, stdout, stderr) => {
      if (error) {
        const text = Buffer.isBuffer(stderr) ? stderr.toString('utf8').trim() : String(stderr ?? '').trim();
        const code = (error as NodeJS.ErrnoException).code;
        const message = code === 'ENOENT' ? 'git is not installed or not on PATH' : text || error.message;
        reject(new GitError(`git ${args.join(' ')}: ${message}`, args, text));
        return;
      }
      resolve(stdout as Buffer);
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

export async function gitText(cwd: string, args: readonly string[]): Promise<string> {
  return (await git(cwd, args)).toString('utf8');
}

/** The top directory of the work tree containing `cwd`. */
export async function repoTopLevel(cwd: string): Promise<string> {
  return (await gitText(cwd, ['rev-parse', '--show-toplevel'])).trim();
}
