// The four output formats of validate/lint. The JSON shape is a public interface.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/finding.js';
import { exitCodeFor, formatFindings, githubCommand } from '../../../src/output/format-findings.js';

const Ajv04 = Ajv04Module as unknown as typeof Ajv04Module.default;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const findings: Finding[] = [
  { file: 'contracts/sales/orders.odcs.yaml', line: 12, column: 9, rule: 'odcs/schema', severity: 'error', message: 'schema[0].properties[1]: unknown key "requried" (did you mean "required"?)', fix: 'rename "requried" to "required"' },
  { file: 'contracts/customers/customers.odcs.yaml', line: 3, column: 1, rule: 'policy/description-required', severity: 'warning', message: 'missing description' },
  { file: 'contracts/sales/orders.odcs.yaml', line: 4, column: 1, rule: 'odcs/schema', severity: 'error', message: 'version: expected string, got number 1.2' },
  { file: 'contracts/sales/orders.odcs.yaml', line: 4, column: 1, rule: 'naming/snake-case', severity: 'info', message: 'name "Orders" is not snake_case' },
];

describe('json format', () => {
  it('has exactly {files, findings:[{file,line,column,rule,severity,message,fix?}]}, sorted by file and position', () => {
    const out = JSON.parse(formatFindings({ files: 7, findings }, 'json'));
    expect(Object.keys(out)).toEqual(['files', 'findings']);
    expect(out.files).toBe(7);
    expect(out.findings.map((f: Finding) => `${f.file}:${f.line}:${f.rule}`)).toEqual([
      'contracts/customers/customers.odcs.yaml:3:policy/description-required',
      'contracts/sales/orders.odcs.yaml:4:odcs/schema',
      'contracts/sales/orders.odcs.yaml:4:naming/snake-case',
      'contracts/sales/orders.odcs.yaml:12:odcs/schema',
    ]);
    for (const f of out.findings) {
      expect(Object.keys(f)).toEqual(['file', 'line', 'column', 'rule', 'severity', 'message', ...('fix' in f ? ['fix'] : [])]);
    }
    expect(out.findings[3].fix).toBe('rename "requried" to "required"');
    expect(out.findings[0]).not.toHaveProperty('fix');
  });

  it('does not leak extra fields a rule might attach', () => {
    const withExtra = [{ ...findings[0]!, internal: 42 } as Finding];
    const out = JSON.parse(formatFindings({ files: 1, findings: withExtra }, 'json'));
    expect(out.findings[0]).not.toHaveProperty('internal');
  });

  it('prints an empty list when nothing is found', () => {
    expect(JSON.parse(formatFindings({ files: 3, findings: [] }, 'json'))).toEqual({ files: 3, findings: [] });
  });
});

describe('github format', () => {
  it('writes one workflow command per finding, with notice for info', () => {
    const out = formatFindings({ files: 2, findings }, 'github').trimEnd().split('\n');
    expect(out).toHaveLength(4);
    expect(out[0]).toBe('::warning file=contracts/customers/customers.odcs.yaml,line=3,col=1,title=policy/description-required::missing description');
    expect(out[2]).toMatch(/^::notice file=/);
    expect(out[3]).toBe(
      '::error file=contracts/sales/orders.odcs.yaml,line=12,col=9,title=odcs/schema::schema[0].properties[1]: unknown key "requried" (did you mean "required"?) (fix: rename "requried" to "required")',
    );
  });

  it('escapes %, CR and LF in messages and also : and , in properties', () => {
    const line = githubCommand({ file: 'a,b:c%.yaml', line: 1, column: 2, rule: 'x/y', severity: 'error', message: '100% bad\r\nsecond line: yes, really' });
    expect(line).toBe('::error file=a%2Cb%3Ac%25.yaml,line=1,col=2,title=x/y::100%25 bad%0D%0Asecond line: yes, really\n');
  });
});

describe('text format', () => {
  const text = formatFindings({ files: 2, findings }, 'text', { color: false });

  it('groups findings under their file, sorted, with position, severity, message and rule', () => {
    expect(text).toBe(
      [
        'contracts/customers/customers.odcs.yaml',
        '  3:1  warning missing description  policy/description-required',
        '',
        'contracts/sales/orders.odcs.yaml',
        '  4:1  error   version: expected string, got number 1.2  odcs/schema',
        '  4:1  info    name "Orders" is not snake_case  naming/snake-case',
        '  12:9  error   schema[0].properties[1]: unknown key "requried" (did you mean "required"?)  odcs/schema',
        '        fix: rename "requried" to "required"',
        '',
        '2 files checked: 2 errors, 1 warning, 1 info',
        '',
      ].join('\n'),
    );
  });

  it('prints only the summary when everything is clean', () => {
    expect(formatFindings({ files: 1, findings: [] }, 'text')).toBe('1 file checked: 0 errors, 0 warnings, 0 info\n');
  });

  it('has no ANSI colors unless asked to', () => {
    expect(text).not.toMatch(/\u001b\[/);
  });

  it('uses ANSI colors when asked to, whatever the environment', () => {
    expect(formatFindings({ files: 2, findings }, 'text', { color: true })).toMatch(/\u001b\[31m/);
  });
});

describe('sarif format', () => {
  const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'output', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
  // unicodeRegExp off: the schema's `language` pattern is not valid with the u flag.
  const ajv = new Ajv04({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it('is a valid SARIF 2.1.0 log according to the official schema', () => {
    const log = JSON.parse(formatFindings({ files: 2, findings }, 'sarif', { toolVersion: '1.2.3' }));
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('is valid with no findings too', () => {
    expect(validate(JSON.parse(formatFindings({ files: 0, findings: [] }, 'sarif')))).toBe(true);
  });

  it('the schema check does reject a broken log', () => {
    const log = JSON.parse(formatFindings({ files: 2, findings }, 'sarif'));
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
  });

  it('maps severities to SARIF levels and keeps positions, rule ids and fixes', () => {
    const log = JSON.parse(formatFindings({ files: 2, findings }, 'sarif'));
    const results = log.runs[0].results;
    expect(results.map((r: { level: string }) => r.level)).toEqual(['warning', 'error', 'note', 'error']);
    expect(results[3].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'contracts/sales/orders.odcs.yaml' },
      region: { startLine: 12, startColumn: 9 },
    });
    expect(results[3].message.text).toContain('Fix: rename "requried" to "required"');
    const rules = log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
    expect(results.every((r: { ruleId: string; ruleIndex: number }) => rules[r.ruleIndex] === r.ruleId)).toBe(true);
  });
});

describe('exit codes', () => {
  it('is 1 with errors, 0 with warnings only unless strict', () => {
    expect(exitCodeFor(findings)).toBe(1);
    const warningsOnly = findings.filter((f) => f.severity !== 'error');
    expect(exitCodeFor(warningsOnly)).toBe(0);
    expect(exitCodeFor(warningsOnly, true)).toBe(1);
    expect(exitCodeFor([], true)).toBe(0);
    expect(exitCodeFor(findings.filter((f) => f.severity === 'info'), true)).toBe(0);
  });
});
