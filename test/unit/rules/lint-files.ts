// Test helper: writes a repository (path -> text) to a fresh temp dir, loads its contracts/ as a
// mesh with the real loader and lints it with lintMesh.
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Finding } from '../../../src/finding.js';
import { lintMesh, type LintOptions } from '../../../src/lint.js';
import { loadMesh } from '../../../src/load/load-mesh.js';
import { exampleFiles } from '../../../src/rules/example-mesh.js';
import type { RuleExample } from '../../../src/rules/rule.js';

export async function lintFiles(files: Record<string, string>, options: LintOptions = {}): Promise<{ findings: Finding[]; loadFindings: Finding[] }> {
  const root = mkdtempSync(path.join(tmpdir(), 'mesh-lint-'));
  try {
    for (const [rel, text] of Object.entries(files)) {
      const abs = path.join(root, rel);
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    }
    const { mesh, result } = await loadMesh('contracts', { root, cwd: root });
    return { findings: lintMesh(mesh, options), loadFindings: result.findings };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Lints a rule example (the example mesh with the example's files laid over it). */
export function lintExample(example: RuleExample, options: LintOptions = {}) {
  return lintFiles(exampleFiles(example), options);
}

export const rulesOf = (findings: Finding[]) => [...new Set(findings.map((f) => f.rule))].sort();
