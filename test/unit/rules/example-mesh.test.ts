// The example mesh in contracts/ is what the README's first command lints: it must be clean of errors.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintMesh } from '../../../src/lint.js';
import { loadMesh } from '../../../src/load/load-mesh.js';

const root = path.resolve(import.meta.dirname, '../../..');

describe('the example mesh (contracts/)', () => {
  it('loads and lints without errors', async () => {
    const { mesh, result } = await loadMesh('contracts', { root, cwd: root });
    const findings = [...result.findings, ...lintMesh(mesh)];
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual([]);
    expect(mesh.contracts.length).toBeGreaterThanOrEqual(12);
  });
});
