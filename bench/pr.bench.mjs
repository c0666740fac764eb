// The PR check on a large mesh: 1, 10 and 100 contracts changed (mixed breaking and compatible,
// scripts/lib/mesh-generator.mjs mutateMesh), committed on a branch `pr` over `main`. Measured, as
// CI runs them:
//   - lint: `mesh lint --cache` with the cache of the base branch (what actions/cache restores),
//     against a cold full lint; the two reports must be identical;
//   - breaking: `mesh breaking --base main` (incremental: only what the change affects), against
//     `--full` (both trees loaded whole); the two reports must be identical;
//   - governance: the actions/governance bundle built from the current sources, run on a
//     pull_request event without a token (no API calls, no comment).
// With --baseline <other>/bin/mesh.js, the same breaking and governance steps of that build (its
// CLI and its committed actions/governance/dist) are measured on the same change, in the same minute.
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { buildAction } from '../scripts/build-actions.mjs';
import { generateMesh, mutateMesh } from '../scripts/lib/mesh-generator.mjs';
import { ensureMesh, load1, measure, median, ratio } from './harness.mjs';

export const name = 'pr';

const git = (cwd, ...args) => {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.invalid', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.invalid' } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

/** The environment a runner gives actions/governance for a pull request (no token: nothing leaves the machine). */
function governanceEnv(work, baseSha, headSha, scratch) {
  const event = join(scratch, 'event.json');
  writeFileSync(
    event,
    JSON.stringify({
      pull_request: {
        number: 1,
        body: '',
        base: { sha: baseSha, ref: 'main', repo: { full_name: 'acme/mesh' } },
        head: { sha: headSha, ref: 'pr', repo: { full_name: 'acme/mesh' } },
        requested_reviewers: [],
        requested_teams: [],
      },
    }),
  );
  const output = join(scratch, 'output');
  writeFileSync(output, '');
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? scratch,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_WORKSPACE: work,
    GITHUB_REPOSITORY: 'acme/mesh',
    GITHUB_OUTPUT: output,
    INPUT_CONTRACTS: 'contracts',
    INPUT_COMMENT: 'false',
    INPUT_SCOPE: 'changed',
    'INPUT_REQUIRE-REVIEWERS': 'false',
  };
}

export async function run({ quick, baseline }) {
  const n = quick ? 300 : 10000;
  const sizes = quick ? [1, 10] : [1, 10, 100];
  const runs = quick ? 1 : 3;
  const base = ensureMesh(n);
  // PR_BENCH_WORK: a repository of your own (the bench switches its branches), e.g. /tmp/<you>/pr-10000.
  const work = resolve(process.env.PR_BENCH_WORK || join('bench', 'out', `pr-${n}`));
  if (!existsSync(join(work, '.git'))) {
    rmSync(work, { recursive: true, force: true });
    cpSync(base, work, { recursive: true, filter: (src) => !src.includes('.mesh-cache') });
    git(work, 'init', '-q', '-b', 'main');
    git(work, 'add', '-A');
    git(work, 'commit', '-q', '-m', 'base mesh');
  }
  // A previous run may have stopped on the pr branch.
  git(work, 'checkout', '-q', '-f', 'main');
  spawnSync('git', ['branch', '-q', '-D', 'pr'], { cwd: work });
  const cli = resolve('bin', 'mesh.js');
  const node = process.execPath;
  const { outfile: governance } = await buildAction('governance', resolve('bench', 'out', 'actions'));
  const { outfile: lintAction } = await buildAction('lint', resolve('bench', 'out', 'actions'));
  const builds = [{ label: '', cli, governance }];
  if (baseline) builds.push({ label: 'baseline: ', cli: resolve(baseline), governance: resolve(dirname(resolve(baseline)), '..', 'actions', 'governance', 'dist', 'index.js') });
  const scratch = mkdtempSync(join(tmpdir(), 'mesh-pr-bench-'));
  const lintArgs = (...extra) => [node, cli, 'lint', 'contracts', '--format', 'json', ...extra];
  const restore = () => git(work, 'checkout', '-q', '--', 'contracts');
  const files = generateMesh({ contracts: n, seed: 42, policyDir: 'contracts' });
  const rows = [];
  const ratios = {};
  try {
    for (const k of sizes) {
      const { files: changed } = await mutateMesh(files, { count: k, seed: k });
      const apply = () => {
        for (const [rel, text] of changed) writeFileSync(join(work, rel), text);
      };
      const loadAtStart = load1();

      // Lint: the cache of the base branch, then the change.
      const incremental = [];
      let rss = 0;
      let incrementalOut = '';
      for (let i = 0; i < runs; i++) {
        restore();
        measure(lintArgs('--cache'), { runs: 1, cwd: work });
        apply();
        const m = measure(lintArgs('--cache'), { runs: 1, cwd: work });
        incremental.push(m.medianMs);
        rss = Math.max(rss, m.rssMb);
        incrementalOut = spawnSync(node, lintArgs('--cache'), { cwd: work, encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
      }
      const full = measure(lintArgs(), { runs: 1, cwd: work });
      const fullOut = spawnSync(node, lintArgs(), { cwd: work, encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
      if (fullOut !== incrementalOut) throw new Error(`incremental and full lint differ for ${k} changed contracts`);
      const inc = median(incremental);

      // The change as a pull request: a commit on `pr` over `main`.
      git(work, 'checkout', '-q', '-b', 'pr');
      git(work, 'add', '--', 'contracts');
      git(work, 'commit', '-q', '-m', `pr: ${k} contracts`);
      const baseSha = git(work, 'rev-parse', 'main').trim();
      const headSha = git(work, 'rev-parse', 'HEAD').trim();
      const env = governanceEnv(work, baseSha, headSha, scratch);

      // actions/lint as contracts-pr.yml runs it: the cache main's CI saved (a lint action run on
      // main, restored by actions/cache), then the pull request. The cache is put back before each
      // run, so every run is the first one of the pull request.
      const mainEnv = { ...env, GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: join(scratch, 'no-event.json'), INPUT_SCOPE: 'all' };
      const cacheDir = join(work, '.mesh-cache');
      const savedCache = join(scratch, 'mesh-cache-of-main');
      git(work, 'checkout', '-q', 'main');
      rmSync(cacheDir, { recursive: true, force: true });
      measure([node, lintAction], { runs: 1, cwd: work, env: mainEnv, okStatuses: [0, 1] });
      rmSync(savedCache, { recursive: true, force: true });
      cpSync(cacheDir, savedCache, { recursive: true });
      git(work, 'checkout', '-q', 'pr');
      const lintActionTimes = [];
      let lintActionRss = 0;
      for (let i = 0; i < runs; i++) {
        rmSync(cacheDir, { recursive: true, force: true });
        cpSync(savedCache, cacheDir, { recursive: true });
        const m = measure([node, lintAction], { runs: 1, cwd: work, env, okStatuses: [0, 1] });
        lintActionTimes.push(m.medianMs);
        lintActionRss = Math.max(lintActionRss, m.rssMb);
      }
      const lintActionMs = median(lintActionTimes);
      rmSync(cacheDir, { recursive: true, force: true });

      rows.push(
        { what: `${k} changed: mesh lint --cache (incremental)`, ms: inc, rssMb: rss, note: `same findings as full; load ${loadAtStart}` },
        { what: `${k} changed: mesh lint, full (no cache)`, ms: full.medianMs, rssMb: full.rssMb },
        { what: `${k} changed: actions/lint (cache of main restored, changed files reported)`, ms: lintActionMs, rssMb: lintActionRss },
      );
      for (const b of builds) {
        const breakingArgs = [node, b.cli, 'breaking', '--base', 'main', '--format', 'json'];
        const breaking = measure(breakingArgs, { runs, cwd: work, okStatuses: [0, 1] });
        const gov = measure([node, b.governance], { runs, cwd: work, env, okStatuses: [0, 1] });
        rows.push(
          { what: `${b.label}${k} changed: mesh breaking`, ms: breaking.medianMs, rssMb: breaking.rssMb, note: `load ${load1()}` },
          { what: `${b.label}${k} changed: actions/governance`, ms: gov.medianMs, rssMb: gov.rssMb },
          { what: `${b.label}${k} changed: PR check = incremental lint + breaking + governance`, ms: inc + breaking.medianMs + gov.medianMs },
          ...(b.label === '' ? [{ what: `${k} changed: PR check as contracts-pr.yml runs it = actions/lint + mesh breaking + actions/governance`, ms: lintActionMs + breaking.medianMs + gov.medianMs }] : []),
        );
        if (b.label === '') {
          const fullBreaking = measure([...breakingArgs, '--full'], { runs: 1, cwd: work, okStatuses: [0, 1] });
          const a = spawnSync(node, breakingArgs.slice(1), { cwd: work, encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
          const f = spawnSync(node, [...breakingArgs.slice(1), '--full'], { cwd: work, encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
          if (a !== f || a === '') throw new Error(`mesh breaking: incremental and --full reports differ for ${k} changed contracts`);
          rows.push({ what: `${k} changed: mesh breaking --full (both trees whole)`, ms: fullBreaking.medianMs, rssMb: fullBreaking.rssMb, note: 'same report as incremental' });
          ratios[`${k} changed: breaking incremental / --full`] = ratio(breaking.medianMs, fullBreaking.medianMs);
        }
      }
      ratios[`${k} changed: incremental / full lint`] = ratio(inc, full.medianMs);

      git(work, 'checkout', '-q', '-f', 'main');
      git(work, 'branch', '-q', '-D', 'pr');
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    spawnSync('git', ['checkout', '-q', '-f', 'main'], { cwd: work });
    spawnSync('git', ['branch', '-q', '-D', 'pr'], { cwd: work });
  }
  return { input: `${n} generated contracts, change sets of ${sizes.join(', ')} contracts (mixed breaking/compatible) committed on a branch`, rows, ratios };
}
