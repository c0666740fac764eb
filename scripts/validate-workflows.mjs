// Validates every workflow (.github/workflows/*.yml) and every action (actions/*/action.yml):
// 1. against the published schemas, with @action-validator/cli;
// 2. against this repository's security rules (workflowSecurityProblems below): no
//    pull_request_target, permissions declared (workflow `{}` or read-only, each job its own),
//    every non-local `uses:` pinned to a 40-character commit SHA with a `# vX.Y.Z` comment,
//    `pages: write` / `id-token: write` only in a job that deploys to Pages.
// Run: `node scripts/validate-workflows.mjs`; exit 1 with one line per problem.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function workflowFiles(root = repoRoot) {
  const dir = path.join(root, '.github', 'workflows');
  return existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(dir, f)) : [];
}

export function actionFiles(root = repoRoot) {
  const dir = path.join(root, 'actions');
  return existsSync(dir) ? readdirSync(dir).map((d) => path.join(dir, d, 'action.yml')).filter((f) => existsSync(f)).sort() : [];
}

const PINNED = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/;
const WRITE_ONLY_IN_DEPLOY = ['pages', 'id-token'];

/** Security problems of one workflow, given its text; `file` names it in the messages. */
export function workflowSecurityProblems(text, file) {
  const problems = [];
  let wf;
  try {
    wf = parse(text);
  } catch (error) {
    return [`${file}: not valid YAML: ${error.message}`];
  }
  const on = typeof wf.on === 'string' ? { [wf.on]: null } : Array.isArray(wf.on) ? Object.fromEntries(wf.on.map((e) => [e, null])) : (wf.on ?? {});
  if ('pull_request_target' in on) problems.push(`${file}: uses pull_request_target, which runs with a write token and secrets on code from forks: use pull_request`);
  if (wf.permissions === undefined) problems.push(`${file}: no top-level permissions: set \`permissions: {}\` (or read-only) and grant each job what it needs`);
  else if (typeof wf.permissions === 'string') problems.push(`${file}: top-level permissions "${wf.permissions}": list the scopes`);
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const m = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/.exec(line);
    if (!m) return;
    const [, ref, rest] = m;
    if (ref.startsWith('./')) return;
    if (ref.startsWith('docker://')) {
      if (!/@sha256:[0-9a-f]{64}$/.test(ref)) problems.push(`${file}:${i + 1}: ${ref} is not pinned by digest`);
      return;
    }
    if (!PINNED.test(ref)) problems.push(`${file}:${i + 1}: ${ref} is not pinned to a full 40-character commit SHA`);
    else if (!/#\s*v\d+(\.\d+){0,2}\b/.test(rest)) problems.push(`${file}:${i + 1}: ${ref} has no "# vX.Y.Z" comment saying which version the SHA is`);
  });
  const topPerms = wf.permissions && typeof wf.permissions === 'object' ? wf.permissions : {};
  for (const scope of WRITE_ONLY_IN_DEPLOY) {
    if (topPerms[scope] === 'write') problems.push(`${file}: ${scope}: write at the top level: grant it only to the deploy job`);
  }
  for (const [name, job] of Object.entries(wf.jobs ?? {})) {
    const perms = job.permissions;
    if (perms === 'write-all' || topPerms === 'write-all') problems.push(`${file}: job ${name} has write-all permissions`);
    if (perms === undefined && wf.permissions && Object.keys(topPerms).length === 0 && !job.uses) {
      const needsContents = (job.steps ?? []).some((s) => typeof s.uses === 'string' && s.uses.startsWith('actions/checkout@'));
      if (needsContents) problems.push(`${file}: job ${name} checks out code but declares no permissions (top level is {}): add contents: read`);
    }
    const deploys = (job.steps ?? []).some((s) => typeof s.uses === 'string' && s.uses.startsWith('actions/deploy-pages@'));
    for (const scope of WRITE_ONLY_IN_DEPLOY) {
      if (perms && typeof perms === 'object' && perms[scope] === 'write' && !deploys) problems.push(`${file}: job ${name} has ${scope}: write but does not deploy to Pages`);
    }
    for (const step of job.steps ?? []) {
      if (typeof step.uses === 'string' && step.uses.startsWith('actions/checkout@') && on.pull_request_target !== undefined) {
        problems.push(`${file}: job ${name} checks out code in a pull_request_target workflow`);
      }
    }
  }
  return problems;
}

function schemaProblems(files) {
  const bin = path.join(repoRoot, 'node_modules', '.bin', 'action-validator');
  const problems = [];
  for (const file of files) {
    try {
      execFileSync(bin, [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      problems.push(`${path.relative(repoRoot, file)}: does not match its schema:\n${String(error.stdout ?? '') + String(error.stderr ?? '')}`.trim());
    }
  }
  return problems;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const workflows = workflowFiles();
  const actions = actionFiles();
  const problems = [...schemaProblems([...workflows, ...actions])];
  for (const file of workflows) problems.push(...workflowSecurityProblems(readFileSync(file, 'utf8'), path.relative(repoRoot, file)));
  for (const p of problems) process.stderr.write(`${p}\n`);
  if (problems.length > 0) process.exit(1);
  process.stdout.write(`${workflows.length} workflows and ${actions.length} actions valid\n`);
}
