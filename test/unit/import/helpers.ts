// Shared by the import/export specs: read fixtures, check a contract against the official ODCS schema.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Finding } from '../../../src/finding.js';
import type { OdcsContract } from '../../../src/import/odcs-shapes.js';
import { validateContract } from '../../../src/odcs/validate.js';

export const FIXTURES = path.resolve(__dirname, '../../fixtures');

export function fixture(rel: string): string {
  return readFileSync(path.join(FIXTURES, rel), 'utf8');
}

export function yamlFixture<T = Record<string, unknown>>(rel: string): T {
  return parse(fixture(rel)) as T;
}

/** Findings of the official ODCS schema for a contract built in memory (none means it conforms). */
export function schemaFindings(contract: OdcsContract | Record<string, unknown>): Finding[] {
  return validateContract({
    file: 'in-memory.odcs.yaml',
    absPath: '/in-memory.odcs.yaml',
    kind: 'contract',
    data: contract as Record<string, unknown>,
    hash: '',
    locate: () => ({ line: 1, column: 1 }),
  });
}
