#!/usr/bin/env node
// Writes a generated mesh to disk: node scripts/generate-mesh.mjs --contracts 5000 --out bench/out/mesh-5000
// (--mutate 10: then change 10 contracts the way a pull request would, printed one per line)
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateMesh, mutateMesh } from './lib/mesh-generator.mjs';

const { values } = parseArgs({
  options: {
    contracts: { type: 'string', default: '1000' },
    domains: { type: 'string' },
    seed: { type: 'string', default: '42' },
    out: { type: 'string', default: 'bench/out/mesh' },
    'policy-dir': { type: 'string', default: 'contracts' },
    // PR-shaped change set: after writing the mesh, change this many contracts in place (mixed breaking/compatible).
    mutate: { type: 'string' },
    'mutate-seed': { type: 'string', default: '1' },
  },
});
const files = generateMesh({
  contracts: Number(values.contracts),
  domains: values.domains ? Number(values.domains) : undefined,
  seed: Number(values.seed),
  policyDir: values['policy-dir'],
});
rmSync(values.out, { recursive: true, force: true });
let bytes = 0;
for (const [rel, text] of files) {
  const path = join(values.out, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  bytes += Buffer.byteLength(text);
}
if (values.mutate) {
  const { files: changed, changes } = await mutateMesh(files, { count: Number(values.mutate), seed: Number(values['mutate-seed']) });
  for (const [rel, text] of changed) writeFileSync(join(values.out, rel), text);
  for (const [rel, what] of changes) console.log(`changed ${rel}: ${what}`);
}
console.log(`wrote ${files.size} files (${(bytes / 1e6).toFixed(1)} MB) to ${values.out}`);
