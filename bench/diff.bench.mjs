// Breaking-change diff speed: 1,000 contract pairs (generated contracts and a deterministic edit of
// each: renames, removals, added properties, relaxed bounds, SLA changes), diffed by our engine
// alone, by our engine with its json-schema-diff cross-check, and by json-schema-diff alone on the
// precompiled JSON Schemas of every schema object (the peer: what a JSON-Schema-only tool does).
// Run: node bench/diff.bench.mjs [--quick]   (or npm run bench -- --only diff)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import yaml from 'js-yaml';
import jsonSchemaDiff from 'json-schema-diff';
import { generateMesh, prng } from '../scripts/lib/mesh-generator.mjs';

export const name = 'diff';

async function engine() {
  const outdir = join('bench', 'out');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, 'diff-engine.mjs');
  await build({
    stdin: {
      contents: "export { diffContracts } from './src/breaking/diff-contracts.ts'; export { diffContractsChecked } from './src/breaking/confirm.ts'; export { objectToJsonSchema } from './src/export/jsonschema.ts';",
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href + `?t=${Date.now()}`);
}

/** A deterministic edit of a contract: a few of the changes people make in pull requests. */
function edit(contract, rnd) {
  const next = structuredClone(contract);
  next.version = '9.0.0';
  const objects = Array.isArray(next.schema) ? next.schema : [];
  for (const object of objects) {
    const props = Array.isArray(object.properties) ? object.properties : [];
    if (props.length === 0) continue;
    const p = props[rnd.int(0, props.length - 1)];
    switch (rnd.int(0, 5)) {
      case 0: p.name = `${p.name}_renamed`; break;
      case 1: props.splice(props.indexOf(p), 1); break;
      case 2: props.push({ name: `added_${rnd.int(0, 999)}`, logicalType: 'string' }); break;
      case 3: p.required = !p.required; break;
      case 4: p.logicalTypeOptions = { ...(p.logicalTypeOptions ?? {}), maxLength: 999 }; p.logicalType = p.logicalType ?? 'string'; break;
      default: props.reverse();
    }
  }
  if (Array.isArray(next.slaProperties) && next.slaProperties.length) {
    const s = next.slaProperties[0];
    if (typeof s.value === 'number') s.value = s.value * 2;
  }
  return next;
}

function time(fn) {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
async function timeAsync(fn) {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function run({ quick = false } = {}) {
  const n = quick ? 100 : 1000;
  const { diffContracts, diffContractsChecked, objectToJsonSchema } = await engine();
  const rnd = prng(7);
  const olds = [];
  for (const [rel, text] of generateMesh({ contracts: n, seed: 42, policyDir: 'contracts' })) {
    if (!rel.endsWith('.odcs.yaml')) continue;
    const data = yaml.load(text);
    // The generator's shared-fragment $refs are resolved by the loader in real runs; here they are dropped.
    for (const o of data.schema ?? []) o.properties = (o.properties ?? []).filter((p) => !p.$ref);
    olds.push(data);
  }
  const pairs = olds.slice(0, n).map((o) => [o, edit(o, rnd)]);
  const objectPairs = pairs.flatMap(([o, m]) => (o.schema ?? []).map((obj, i) => [objectToJsonSchema(obj), objectToJsonSchema((m.schema ?? [])[i] ?? { properties: [] })]));

  // Warm up each path on a few pairs (JIT), then measure the whole set once.
  for (const [o, m] of pairs.slice(0, 20)) diffContracts(o, m);
  let changes = 0;
  const ours = time(() => {
    for (const [o, m] of pairs) changes += diffContracts(o, m).changes.length;
  });
  for (const [o, m] of pairs.slice(0, 5)) await diffContractsChecked(o, m);
  const checked = await timeAsync(async () => {
    for (const [o, m] of pairs) await diffContractsChecked(o, m);
  });
  for (const [a, b] of objectPairs.slice(0, 5)) await jsonSchemaDiff.diffSchemas({ sourceSchema: a, destinationSchema: b });
  const peer = await timeAsync(async () => {
    for (const [a, b] of objectPairs) await jsonSchemaDiff.diffSchemas({ sourceSchema: a, destinationSchema: b });
  });

  const per = (ms) => `${(ms / pairs.length).toFixed(3)} ms/pair`;
  return {
    input: `${pairs.length} contract pairs, ${objectPairs.length} schema-object pairs, ${changes} changes found`,
    rows: [
      { what: 'mesh diff engine (rules only)', ms: ours, note: per(ours) },
      { what: 'mesh diff engine + json-schema-diff cross-check', ms: checked, note: per(checked) },
      { what: 'json-schema-diff alone (precompiled schemas)', ms: peer, note: per(peer) },
    ],
    ratios: {
      'engine / json-schema-diff': (ours / peer).toFixed(4),
      'engine+check / json-schema-diff': (checked / peer).toFixed(2),
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const res = await run({ quick: process.argv.includes('--quick') });
  console.log(res.input);
  for (const row of res.rows) console.log(`${row.what.padEnd(50)} ${row.ms.toFixed(1).padStart(10)} ms  ${row.note}`);
  for (const [k, v] of Object.entries(res.ratios)) console.log(`ratio ${k}: ${v}`);
}
