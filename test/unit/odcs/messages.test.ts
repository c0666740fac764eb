// What a contract author reads when the ODCS schema rejects a contract.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/finding.js';
import { supportedApiVersions, validateContract } from '../../../src/odcs/validate.js';
import { yamlDocument, yamlFile } from './yaml-document.js';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'odcs');
const check = (name: string): Finding[] => validateContract(yamlFile(join(fixtures, name), `contracts/${name}`));
const summary = (fs: Finding[]) => fs.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`).sort();

describe('schema messages', () => {
  it('suggests the closest enum value and the closest known key, at their lines', () => {
    const findings = check('invalid/typos.odcs.yaml');
    expect(summary(findings)).toEqual([
      '12:9 odcs/schema schema[0].properties[1]: unknown key "requried" (did you mean "required"?)',
      '16:9 odcs/schema schema[0].properties[3].logicalType: "strng" is not one of string, date, timestamp, time, number, integer, object, array, boolean (did you mean "string"?)',
      '4:1 odcs/schema version: expected string, got number 1.2',
    ]);
    expect(findings.find((f) => f.message.includes('requried'))?.fix).toBe('rename "requried" to "required"');
    expect(findings.find((f) => f.message.startsWith('version'))?.fix).toBe('quote the value to make it a string: "1.2"');
    expect(findings.every((f) => f.file === 'contracts/invalid/typos.odcs.yaml' && f.severity === 'error')).toBe(true);
  });

  it('names a missing required key without a path for the document itself', () => {
    expect(summary(check('invalid/missing-status.odcs.yaml'))).toEqual(['1:1 odcs/schema missing required key "status"']);
  });

  it('reports an unknown apiVersion once, listing the supported versions', () => {
    const findings = check('invalid/unknown-api-version.odcs.yaml');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'odcs/api-version', line: 1, column: 1 });
    expect(findings[0]!.message).toBe(`apiVersion: "v9.9.9" is not a supported ODCS version (supported versions: ${supportedApiVersions().join(', ')})`);
  });

  it('reports a missing apiVersion with the supported versions and still checks the rest', () => {
    const findings = validateContract(yamlDocument('kind: DataContract\nid: x\nversion: "1"\nstatus: active\nfoo: 1\n'));
    expect(summary(findings)).toEqual([
      `1:1 odcs/api-version missing required key "apiVersion" (supported versions: ${supportedApiVersions().join(', ')})`,
      '5:1 odcs/schema unknown key "foo"',
    ]);
  });

  it('collapses anyOf/oneOf noise to one finding per problem', () => {
    expect(summary(check('invalid/alternatives.odcs.yaml'))).toEqual([
      '10:9 odcs/schema schema[0].quality[0]: missing one of the keys mustBe, mustNotBe, mustBeGreaterThan, mustBeGreaterOrEqualTo, mustBeLessThan, mustBeLessOrEqualTo, mustBeBetween, mustNotBeBetween',
      '12:9 odcs/schema schema[0].quality[1]: only one of mustBe, mustNotBe, mustBeGreaterThan, mustBeGreaterOrEqualTo, mustBeLessThan, mustBeLessOrEqualTo, mustBeBetween, mustNotBeBetween may be set, found "mustBe" and "mustBeLessThan"',
      '18:5 odcs/schema slaProperties[0].value: expected string, number, boolean or null, got an array',
      '6:1 odcs/schema team: expected object or array, got string "platform-team"',
    ]);
  });

  it('reports the branch that matches a relationship, not the other shapes', () => {
    const text = [
      'apiVersion: v3.1.0', 'kind: DataContract', 'id: r', 'version: "1"', 'status: active', 'schema:', '  - name: t',
      '    relationships:', '      - from: [t.a, t.b]', '        to: [u.a, 7]', '      - from: t.a', '        to: "not a ref"',
    ].join('\n');
    expect(summary(validateContract(yamlDocument(text)))).toEqual([
      '10:19 odcs/schema schema[0].relationships[0].to[1]: expected string, got integer 7',
      '12:9 odcs/schema schema[0].relationships[1].to: "not a ref" is not a reference like "table.column" or a path like "schema/table/properties/column"',
    ]);
  });

  it('explains a key that exists but not for this type', () => {
    const text = 'apiVersion: v3.1.0\nkind: DataContract\nid: s\nversion: "1"\nstatus: active\nservers:\n  - server: x\n    type: api\n    location: https://x.example\n    stagingDir: s3://b/\n';
    expect(summary(validateContract(yamlDocument(text)))).toEqual([
      '10:5 odcs/schema servers[0]: key "stagingDir" is not allowed here when type is "api"',
    ]);
  });

  it('accepts documents declaring apiVersion v3.0.x against the latest schema', () => {
    expect(check('valid/minimal-v3.0.2.odcs.yaml')).toEqual([]);
    expect(check('valid/ledger-warehouse.odcs.yaml')).toEqual([]);
  });
});
