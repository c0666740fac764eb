// A generated mesh with problems of every layer injected, for tests that compare whole lint reports:
// YAML syntax, duplicate keys, aliases (benign and a "billion laughs"), forbidden keys, .nan, `$ref`s
// (outside the repository, missing, with siblings), schema errors, contract- and mesh-scope rules,
// policy tightened by a domain.yaml, a domain CODEOWNERS does not cover, empty, non-mapping, too deep
// and invalid UTF-8 files, a file starting with a byte-order mark, and a contract an input port still
// names deleted.
import jsyaml from 'js-yaml';

const BOMB = ['x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]', `x-b: &b [${Array(9).fill('*a').join(', ')}]`, `x-c: &c [${Array(9).fill('*b').join(', ')}]`, `x-d: [${Array(9).fill('*c').join(', ')}]`].join('\n');

/** One change per kind, applied in turn to every `every`-th contract. Each takes the file text and returns the new text. */
const CHANGES = [
  (text) => text.replace(/^name: .*$/m, 'name: [oops'),
  (text) => `${text}id: duplicate-key\n`,
  (text) => text.replace(/^ {2}purpose: /m, '  purpose: &purpose ').replace(/^ {2}usage: .*$/m, '  usage: *purpose'),
  (text) => `${text}${BOMB}\n`,
  (text, doc) => dump(doc, (d) => d.schema[0].properties.push({ $ref: '../../../../outside.yaml' })),
  (text, doc) => dump(doc, (d) => d.schema[0].properties.push({ $ref: '../_shared/missing.yaml#/created_at' })),
  (text, doc) => dump(doc, (d) => d.schema[0].properties.push({ $ref: '../_shared/audit-columns.yaml#/updated_at', description: 'Overridden next to the $ref.' })),
  (text, doc, ctx) => dump(doc, (d) => (d.id = ctx.firstId)),
  (text, doc) => dump(doc, (d) => (d.schema[0].properties[1].logicalType = 'strng')),
  (text, doc) => dump(doc, (d) => delete d.schema[0].properties[0].required),
  (text, doc) => dump(doc, (d) => d.schema[0].quality.push({ type: 'library', metric: 'duplicateValues', mustBe: 0, arguments: { properties: ['no_such_column'] } })),
  (text, doc) => dump(doc, (d) => (d.slaProperties[0].unit = '%')),
  (text, doc) => dump(doc, (d) => d.schema[0].properties.push({ name: 'email', logicalType: 'string', classification: 'public', tags: ['pii'] })),
  (text, doc) => dump(doc, (d) => (d.schema[0].properties[1].name = 'BadName')),
  (text, doc) => dump(doc, (d) => (d.team.name = '@acme/somebody-else')),
  (text, doc) => dump(doc, (d) => delete d.description),
  (text) => text.replace(/^ {2}limitations: .*$/m, '  constructor: 1'),
  (text, doc) => dump(doc, (d) => d.customProperties.push({ property: 'score', value: Number.NaN })),
  (text, doc) => dump(doc, (d) => (d.slaProperties = d.slaProperties.slice(1))),
];

function dump(doc, change) {
  change(doc);
  return jsyaml.dump(doc, { lineWidth: -1 });
}

/**
 * `files` (path -> text, as generateMesh returns) with problems injected; returns a new Map in which
 * a value of `null` means "delete this file" and a Uint8Array holds bytes that are not UTF-8.
 */
export function injectErrors(files, { every = 9 } = {}) {
  const out = new Map(files);
  const contracts = [...files.keys()].filter((p) => p.endsWith('.odcs.yaml')).sort();
  const ctx = { firstId: jsyaml.load(files.get(contracts[0])).id };
  let k = 0;
  for (let i = every; i < contracts.length; i += every) {
    const path = contracts[i];
    const text = files.get(path);
    out.set(path, CHANGES[k++ % CHANGES.length](text, jsyaml.load(text), ctx));
  }
  const domains = [...new Set(contracts.map((p) => p.split('/')[1]))].sort();
  const [first, second, third] = domains;
  out.set(`contracts/${first}/empty.odcs.yaml`, '# nothing here\n');
  out.set(`contracts/${first}/list.odcs.yaml`, '- apiVersion: v3.1.0\n');
  out.set(`contracts/${first}/deep.odcs.yaml`, `apiVersion: v3.1.0\nkind: DataContract\nid: deep\nx: ${'['.repeat(80)}${']'.repeat(80)}\n`);
  out.set(`contracts/${first}/bom.odcs.yaml`, `\ufeffid: ${ctx.firstId}\napiVersion: v3.1.0\nkind: DataContract\nversion: 1.0.0\nstatus: active\n`);
  out.set(`contracts/${first}/latin1.odcs.yaml`, Uint8Array.from([...Buffer.from('apiVersion: v3.1.0\nkind: DataContract\nid: caf'), 0xe9, 0x0a]));
  out.set(`contracts/${second}/domain.yaml`, `${files.get(`contracts/${second}/domain.yaml`)}policy:\n  rules:\n    naming/property-name: error\n`);
  out.set('CODEOWNERS', files.get('CODEOWNERS').split('\n').filter((line) => !line.startsWith(`/contracts/${third}/ `)).join('\n'));
  const product = [...files.keys()].find((p) => p.endsWith('.odps.yaml'));
  const input = jsyaml.load(files.get(product)).inputPorts[0].contractId;
  const named = contracts.find((p) => jsyaml.load(files.get(p)).id === input);
  out.set(named, null);
  return out;
}
