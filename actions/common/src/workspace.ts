// Where the action works: the checked-out repository (GITHUB_WORKSPACE, else the current
// directory), the mesh loaded from it, and the run's links.
import path from 'node:path';
import type { Finding } from '../../../src/finding.js';
import { loadMesh } from '../../../src/load/load-mesh.js';
import type { Mesh } from '../../../src/model/mesh.js';
import * as core from '@actions/core';

export function workspace(): string {
  return path.resolve(process.env.GITHUB_WORKSPACE || process.cwd());
}

/** The contracts directory, repository-relative with `/` (what CODEOWNERS and git paths use). */
export function repoRelative(root: string, dir: string): string {
  return path.relative(root, path.resolve(root, dir)).split(path.sep).join('/') || '.';
}

export async function loadWorkspaceMesh(contracts: string): Promise<{ root: string; mesh: Mesh; loadFindings: Finding[]; files: number }> {
  const root = workspace();
  const { mesh, result } = await loadMesh(contracts, { root, cwd: root });
  return { root, mesh, loadFindings: result.findings, files: result.files };
}

/** Link to this workflow run (for the PR comment), when the runner's variables are set. */
export function runUrl(): string | undefined {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID } = process.env;
  if (!GITHUB_REPOSITORY || !GITHUB_RUN_ID) return undefined;
  return `${(GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`;
}

/** Writes the job summary when the runner provides the file (a local run prints nothing). */
export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(markdown, true).write();
}

/** Links a file and line at a commit on github.com (for summary tables). */
export function blobLinker(sha: string | undefined): ((file: string, line: number) => string | undefined) | undefined {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY } = process.env;
  if (!sha || !GITHUB_REPOSITORY) return undefined;
  const base = `${(GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')}/${GITHUB_REPOSITORY}/blob/${sha}`;
  return (file, line) => `${base}/${file.split('/').map(encodeURIComponent).join('/')}#L${line}`;
}
