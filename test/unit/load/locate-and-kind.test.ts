// Positions of nodes (computed lazily) and the kind of each document.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFile, loadFiles } from '../../../src/load/load-files.js';

const fixtures = fileURLToPath(new URL('../../fixtures/load/', import.meta.url));

describe('locate()', () => {
  it('returns the key position of nested paths through sequences and mappings', async () => {
    const { document } = await loadFile(path.join(fixtures, 'locate.yaml'), { root: fixtures, cwd: fixtures });
    expect(document).toBeDefined();
    const locate = document!.locate;
    expect(locate([])).toEqual({ line: 1, column: 1 });
    expect(locate(['kind'])).toEqual({ line: 2, column: 1 });
    expect(locate(['schema', 0])).toEqual({ line: 4, column: 5 });
    expect(locate(['schema', 0, 'properties', 1, 'logicalType'])).toEqual({ line: 9, column: 9 });
    expect(locate(['schema', 0, 'properties', 1, 'quality', 0, 'mustBe'])).toEqual({ line: 12, column: 13 });
  });

  it('falls back to the deepest existing ancestor for a missing node', async () => {
    const { document } = await loadFile(path.join(fixtures, 'locate.yaml'), { root: fixtures, cwd: fixtures });
    const locate = document!.locate;
    expect(locate(['schema', 0, 'properties', 0, 'required'])).toEqual({ line: 6, column: 9 });
    expect(locate(['schema', 0, 'properties', 7, 'name'])).toEqual({ line: 5, column: 5 });
    expect(locate(['nope', 'deeper'])).toEqual({ line: 1, column: 1 });
  });
});

describe('document kind', () => {
  it('is taken from the file name first, then from the content', async () => {
    const dir = path.join(fixtures, 'kind');
    const result = await loadFiles([dir], { root: dir, cwd: dir });
    expect(result.findings).toEqual([]);
    const kinds = Object.fromEntries(result.documents.map((d) => [d.file, d.kind]));
    expect(kinds).toEqual({
      'contracts/mesh.yaml': 'mesh-policy',
      'contracts/sales/domain.yaml': 'domain',
      'contracts/sales/orders.odcs.yaml': 'contract',
      'contracts/sales/orders.odcs.yml': 'contract',
      'contracts/sales/orders.odps.yaml': 'product',
      'contracts/_shared/team.yaml': 'fragment',
      'misc/contract-by-content.yaml': 'contract',
      'misc/product-by-content.yaml': 'product',
      'misc/no-api-version.yaml': 'unknown',
      'misc/other.yaml': 'unknown',
    });
  });
});
