// The part of a mesh a pull request's governance check needs: every policy file (mesh.yaml, each
// domain.yaml: the effective policy of a domain and the policy rules read them), CODEOWNERS, and the
// contracts and products in the lint scope of the change — not the thousands of untouched
// contracts. Linting it with the governance rules (contract-scope rules, plus the mesh-scope rules
// that only read policy files) gives the findings a whole-mesh run filtered to the scope gives.
// A scope of `all` (mesh.yaml, a shared fragment or CODEOWNERS changed) loads every file.
import path from 'node:path';
import type { Finding } from '../finding.js';
import { loadMesh } from '../load/load-mesh.js';
import type { LoadOptions } from '../load/options.js';
import type { Mesh } from '../model/mesh.js';
import { inScope, type LintScope } from './lint-scope.js';

export interface ScopedMesh {
  mesh: Mesh;
  /** Load findings of the files that were loaded. */
  loadFindings: Finding[];
  /** Files loaded. */
  files: number;
  /** Mesh files of the tree (loaded or not). */
  meshFiles: number;
}

const POLICY_FILE = /(^|\/)(mesh|domain)\.ya?ml$/;

/** Loads the policy files and the files in `scope` of the contracts directory `contractsDir` (absolute). */
export async function loadScopedMesh(contractsDir: string, scope: LintScope, options: LoadOptions): Promise<ScopedMesh> {
  const dir = path.resolve(options.cwd, contractsDir);
  const contractsRel = path.relative(options.root, dir).split(path.sep).join('/') || '.';
  const repoPath = (abs: string) => path.relative(options.root, abs).split(path.sep).join('/');
  const select = (abs: string) => POLICY_FILE.test(path.relative(dir, abs).split(path.sep).join('/')) || inScope(scope, repoPath(abs), contractsRel);
  const { mesh, result, listed } = await loadMesh(dir, { ...options, select });
  return { mesh, loadFindings: result.findings, files: result.files, meshFiles: listed };
}
