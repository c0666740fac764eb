// Runs a bundled action the way a GitHub runner does: `node actions/<name>/dist/index.js` in a
// checked-out repository, with the runner's environment (INPUT_*, GITHUB_EVENT_PATH, GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY, GITHUB_REPOSITORY, GITHUB_API_URL, GITHUB_TOKEN), and collects what the
// runner would: exit code, workflow commands on stdout, the outputs file and the summary file.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/actions');

export interface PrRepo {
  dir: string;
  baseSha: string;
  headSha: string;
  /** Reads / writes a file of the working tree (repository-relative path). */
  read(file: string): string;
  write(file: string, text: string): void;
  /** Commits every change on the PR branch and returns the new head. */
  commit(message: string): string;
  cleanup(): void;
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'Dana', GIT_AUTHOR_EMAIL: 'dana@example.com', GIT_COMMITTER_NAME: 'Dana', GIT_COMMITTER_EMAIL: 'dana@example.com' } }).trim();
}

/**
 * A repository whose main branch holds the example mesh (contracts/ and CODEOWNERS of this
 * repository) and a branch `change` with the commit `change` makes: the pull request's head.
 */
export function prRepo(change: (repo: Pick<PrRepo, 'read' | 'write' | 'dir'>) => void): PrRepo {
  const dir = mkdtempSync(path.join(tmpdir(), 'mesh-action-'));
  cpSync(path.join(REPO_ROOT, 'contracts'), path.join(dir, 'contracts'), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'CODEOWNERS'), path.join(dir, 'CODEOWNERS'));
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'example mesh');
  const baseSha = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'checkout', '-q', '-b', 'change');
  const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
  const write = (file: string, text: string) => writeFileSync(path.join(dir, file), text);
  change({ read, write, dir });
  const repo: PrRepo = {
    dir,
    baseSha,
    headSha: '',
    read,
    write,
    commit(message) {
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '--allow-empty', '-m', message);
      repo.headSha = git(dir, 'rev-parse', 'HEAD');
      return repo.headSha;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
  repo.commit('the change');
  return repo;
}

/** Replaces the text at `find` in a file (fails loudly when the example mesh no longer has it). */
export function edit(repo: Pick<PrRepo, 'read' | 'write'>, file: string, find: string | RegExp, replace: string): void {
  const before = repo.read(file);
  const after = before.replace(find, replace);
  if (after === before) throw new Error(`${file}: ${String(find)} not found: the example mesh changed, update the test`);
  repo.write(file, after);
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  file?: string;
  line?: number;
  col?: number;
  title?: string;
  message: string;
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  annotations: Annotation[];
  outputs: Record<string, string>;
  summary: string;
}

export interface RunOptions {
  cwd: string;
  inputs?: Record<string, string>;
  /** `synchronize` (same-repository PR), `fork`, or `none` (no event file: e.g. a push). */
  event?: 'synchronize' | 'fork' | 'none';
  pr?: { number: number; baseSha: string; headSha: string };
  apiUrl?: string;
  token?: string;
  env?: Record<string, string>;
}

function unescape(s: string): string {
  return s.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

export function parseAnnotations(stdout: string): Annotation[] {
  const out: Annotation[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const a: Annotation = { level: m[1] as Annotation['level'], message: unescape(m[3]) };
    for (const prop of (m[2] ?? '').split(',').filter(Boolean)) {
      const [k, v] = [prop.slice(0, prop.indexOf('=')), unescape(prop.slice(prop.indexOf('=') + 1))];
      if (k === 'file' || k === 'title') a[k] = v;
      if (k === 'line' || k === 'col') a[k] = Number(v);
    }
    out.push(a);
  }
  return out;
}

/** GITHUB_OUTPUT as @actions/core writes it: `name<<DELIMITER`, value lines, `DELIMITER`. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
    out[m[1]] = value.join('\n');
  }
  return out;
}

export async function runAction(name: string, options: RunOptions): Promise<ActionRun> {
  const work = mkdtempSync(path.join(tmpdir(), 'mesh-runner-'));
  try {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? work,
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_WORKSPACE: options.cwd,
      GITHUB_REPOSITORY: 'acme/data-mesh',
      GITHUB_REPOSITORY_OWNER: 'acme',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '4242',
      GITHUB_OUTPUT: path.join(work, 'output'),
      GITHUB_STEP_SUMMARY: path.join(work, 'summary'),
      RUNNER_TEMP: work,
    };
    writeFileSync(env.GITHUB_OUTPUT, '');
    writeFileSync(env.GITHUB_STEP_SUMMARY, '');
    const event = options.event ?? 'synchronize';
    if (event !== 'none') {
      if (!options.pr) throw new Error('a pull_request event needs pr: { number, baseSha, headSha }');
      const raw = readFileSync(path.join(FIXTURES, event === 'fork' ? 'pull_request.fork.json' : 'pull_request.synchronize.json'), 'utf8')
        .replaceAll('BASE_SHA', options.pr.baseSha)
        .replaceAll('HEAD_SHA', options.pr.headSha);
      const payload = JSON.parse(raw) as { number: number; pull_request: { number: number } };
      payload.number = payload.pull_request.number = options.pr.number;
      env.GITHUB_EVENT_PATH = path.join(work, 'event.json');
      env.GITHUB_EVENT_NAME = 'pull_request';
      env.GITHUB_SHA = options.pr.headSha;
      writeFileSync(env.GITHUB_EVENT_PATH, JSON.stringify(payload));
    } else env.GITHUB_EVENT_NAME = 'push';
    if (options.apiUrl) env.GITHUB_API_URL = options.apiUrl;
    if (options.token) env.GITHUB_TOKEN = options.token;
    // The runner sets INPUT_<NAME upper-cased, spaces as _> (dashes stay).
    for (const [k, v] of Object.entries(options.inputs ?? {})) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
    if (options.token && !options.inputs?.token) env.INPUT_TOKEN = options.token;
    Object.assign(env, options.env);
    const bundle = path.join(REPO_ROOT, 'actions', name, 'dist', 'index.js');
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run node scripts/build-actions.mjs`);
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [bundle], { cwd: options.cwd, env, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      });
    });
    return {
      code,
      stdout,
      stderr,
      annotations: parseAnnotations(stdout),
      outputs: parseOutputs(readFileSync(env.GITHUB_OUTPUT, 'utf8')),
      summary: readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8'),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
