// Applies the branch protection of docs/branch-protection.md as a repository ruleset through the
// REST API: pull requests required on the default branch, one approval, review from Code Owners,
// stale approvals dismissed, the contract checks required to pass, no force push or deletion.
// Idempotent: the ruleset is found again by name and updated in place.
//
//   GITHUB_TOKEN=... node scripts/apply-branch-protection.mjs --repo acme/data-mesh [--dry-run]
//     [--name contracts-protection] [--checks lint,breaking,governance,test] [--approvals 1]
//     [--api-url https://api.github.com]
//
// The token needs the repository "Administration: write" permission (a fine-grained PAT or an
// app), which the workflow token never has: run it once by hand or from an admin's machine.
import { Octokit } from '@octokit/rest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_CHECKS = ['lint', 'breaking', 'governance'];

/** The ruleset body (POST/PUT /repos/{owner}/{repo}/rulesets). */
export function rulesetBody({ name = 'contracts-protection', checks = DEFAULT_CHECKS, approvals = 1 } = {}) {
  return {
    name,
    target: 'branch',
    enforcement: 'active',
    conditions: { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] } },
    rules: [
      { type: 'deletion' },
      { type: 'non_fast_forward' },
      {
        type: 'pull_request',
        parameters: {
          required_approving_review_count: approvals,
          dismiss_stale_reviews_on_push: true,
          require_code_owner_review: true,
          require_last_push_approval: false,
          required_review_thread_resolution: false,
        },
      },
      {
        type: 'required_status_checks',
        parameters: {
          strict_required_status_checks_policy: true,
          required_status_checks: checks.map((context) => ({ context })),
        },
      },
    ],
  };
}

/** Creates or updates the ruleset; returns what it did. */
export async function applyRuleset(octokit, { owner, repo, ...options }) {
  const body = rulesetBody(options);
  const existing = await octokit.paginate('GET /repos/{owner}/{repo}/rulesets', { owner, repo, per_page: 100, includes_parents: false });
  const mine = existing.find((r) => r.name === body.name && r.source_type !== 'Organization');
  if (mine) {
    const { data } = await octokit.request('PUT /repos/{owner}/{repo}/rulesets/{ruleset_id}', { owner, repo, ruleset_id: mine.id, ...body });
    return { action: 'updated', id: data.id };
  }
  const { data } = await octokit.request('POST /repos/{owner}/{repo}/rulesets', { owner, repo, ...body });
  return { action: 'created', id: data.id };
}

function parseArgs(argv) {
  const out = { dryRun: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--repo') out.repo = value();
    else if (a === '--name') out.name = value();
    else if (a === '--checks') out.checks = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--approvals') out.approvals = Number(value());
    else if (a === '--api-url') out.apiUrl = value();
    else if (a === '--dry-run') out.dryRun = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return out;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const args = parseArgs(process.argv.slice(2));
    const full = args.repo ?? process.env.GITHUB_REPOSITORY;
    if (!full || !/^[^/]+\/[^/]+$/.test(full)) throw new Error('which repository? pass --repo owner/name');
    if (args.approvals !== undefined && !(Number.isInteger(args.approvals) && args.approvals >= 0 && args.approvals <= 10)) throw new Error('--approvals must be a whole number from 0 to 10');
    const options = { ...(args.name ? { name: args.name } : {}), ...(args.checks ? { checks: args.checks } : {}), ...(args.approvals !== undefined ? { approvals: args.approvals } : {}) };
    if (args.dryRun) {
      process.stdout.write(`${JSON.stringify(rulesetBody(options), null, 2)}\n`);
    } else {
      const token = process.env.GITHUB_TOKEN;
      if (!token) throw new Error('set GITHUB_TOKEN to a token with Administration: write on the repository');
      const [owner, repo] = full.split('/');
      const octokit = new Octokit({ auth: token, baseUrl: (args.apiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''), userAgent: 'mesh-contracts' });
      const result = await applyRuleset(octokit, { owner, repo, ...options });
      process.stdout.write(`ruleset ${result.action} (id ${result.id}) on ${full}\n`);
    }
  } catch (error) {
    process.stderr.write(`apply-branch-protection: ${error.status ? `HTTP ${error.status}: ` : ''}${error.message}\n`);
    process.exit(error.status ? 1 : 2);
  }
}
