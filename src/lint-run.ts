// A lint run over a contracts directory, as `mesh lint` and actions/lint do it: the per-contract
// checks run while the files load (on worker threads for large meshes, reused from the lint cache
// for unchanged files), then the mesh-scope rules run on the whole mesh. `only` chooses whose
// findings are reported; rules that compare contracts always see every contract.
import path from 'node:path';
import type { Finding } from './finding.js';
import { lintMesh } from './lint.js';
import { loadCheckedMesh, type CheckedMesh, type CheckedMeshOptions } from './load/checked-mesh.js';
import { MESH_RULE_IDS } from './load/contract-checks.js';

export interface LintRunOptions extends CheckedMeshOptions {
  /** Report findings of these files only (default: all). `file` is relative to `cwd`. */
  only?: (file: { file: string; absPath: string }) => boolean;
  /** Run only these rule ids (default: all). */
  rules?: readonly string[];
}

export interface LintRun extends CheckedMesh {
  /** Load findings, per-contract findings, then mesh-scope findings, of the files `only` accepts. */
  findings: Finding[];
  /** The load findings among them (files that did not load count as checked files too). */
  loadFindings: Finding[];
}

export async function lintContractsDir(contractsDir: string, options: LintRunOptions): Promise<LintRun> {
  const { only = () => true, rules, ...loadOptions } = options;
  const checked = await loadCheckedMesh(contractsDir, loadOptions);
  const reported = (f: Finding) => only({ file: f.file, absPath: path.resolve(options.cwd, f.file) });
  const loadFindings = checked.result.findings.filter(reported);
  const contractFindings = checked.checks.filter((f) => (!rules || rules.includes(f.rule)) && reported(f));
  const meshRules = rules ? MESH_RULE_IDS.filter((id) => rules.includes(id)) : MESH_RULE_IDS;
  const meshFindings = meshRules.length > 0 ? lintMesh(checked.mesh, { only, cwd: options.cwd, rules: meshRules }) : [];
  return { ...checked, findings: [...loadFindings, ...contractFindings, ...meshFindings], loadFindings };
}
