// The official schemas are data: vendored unchanged, precompiled, chosen by apiVersion.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestSchema, schemaForApiVersion, supportedApiVersions } from '../../../src/odcs/schema-registry.js';

const repo = join(import.meta.dirname, '..', '..', '..');
const vendored = join(repo, 'schemas', 'odcs');
const shared = join(repo, '..', 'shared', 'odcs');

describe('schema registry', () => {
  it.skipIf(!existsSync(shared))('vendors the official schemas byte for byte', () => {
    const files = readdirSync(shared).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readFileSync(join(vendored, f)).equals(readFileSync(join(shared, f))), f).toBe(true);
  });

  it('ships the license of the vendored schemas', () => {
    expect(readFileSync(join(vendored, 'LICENSE'), 'utf8')).toContain('Apache License');
  });

  it('supports exactly the apiVersions the vendored schemas list, newest first', () => {
    const listed = new Set<string>();
    for (const f of readdirSync(vendored).filter((x) => /^odcs-json-schema-v.*\.json$/.test(x))) {
      for (const v of JSON.parse(readFileSync(join(vendored, f), 'utf8')).properties.apiVersion.enum) listed.add(v);
    }
    expect(new Set(supportedApiVersions())).toEqual(listed);
    expect(supportedApiVersions()[0]).toBe('v3.1.0');
  });

  it('validates v3.0.x and v2.2.x documents with the latest schema that lists them', () => {
    for (const v of ['v3.1.0', 'v3.0.2', 'v3.0.0', 'v2.2.2']) expect(schemaForApiVersion(v)?.version).toBe('3.1.0');
    expect(schemaForApiVersion('v3.2.0')).toBeUndefined();
    expect(schemaForApiVersion(3.1)).toBeUndefined();
    expect(latestSchema().file).toBe('schemas/odcs/odcs-json-schema-v3.1.0.json');
  });

  it('keeps the precompiled validators in sync with schemas/odcs (npm run precompile-schemas)', () => {
    const r = spawnSync(process.execPath, [join(repo, 'scripts', 'precompile-schemas.mjs'), '--check'], { cwd: repo, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
