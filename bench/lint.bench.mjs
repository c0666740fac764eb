// Lint of a whole generated mesh (1,000 and 10,000 contracts), side by side with its peers on the
// same files: ajv-cli validating every contract against the official ODCS schema, Spectral with a
// minimal ruleset (bench/spectral/ruleset.yaml), and parse-only floors (js-yaml, and the `yaml`
// package for reference) reading every file in one process on one thread.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureMesh, measure, ratio } from './harness.mjs';

export const name = 'lint';

export function run({ quick, baseline }) {
  const sizes = quick ? [300] : [1000, 10000];
  const node = process.execPath;
  const rows = [];
  const ratios = {};
  for (const n of sizes) {
    const dir = ensureMesh(n);
    const runs = quick ? 1 : 3;
    const lintArgs = [node, 'bin/mesh.js', 'lint', join(dir, 'contracts'), '--root', dir, '--format', 'json'];
    const cold = measure(lintArgs, { runs });
    const before = baseline ? measure([node, baseline, ...lintArgs.slice(2)], { runs }) : undefined;
    const single = measure([...lintArgs, '--workers', '1'], { runs: quick ? 1 : n >= 10000 ? 1 : runs });
    const cacheDir = join(dir, '.mesh-cache');
    rmSync(cacheDir, { recursive: true, force: true });
    const fill = measure([...lintArgs, '--cache'], { runs: 1 });
    const warm = measure([...lintArgs, '--cache'], { runs });
    const ajv = measure(
      [node, 'node_modules/ajv-cli/dist/index.js', 'validate', '--spec=draft2019', '--strict=false', '-c', 'ajv-formats',
        '-s', 'schemas/odcs/odcs-json-schema-v3.1.0.json', '-d', `${dir}/contracts/*/*.odcs.yaml`],
      { runs },
    );
    // Spectral takes minutes at 10,000 files: one run there.
    const spectral = measure(
      [node, 'node_modules/@stoplight/spectral-cli/dist/index.js', 'lint', '-q', '-f', 'json', '-r', 'bench/spectral/ruleset.yaml', `${dir}/contracts/*/*.odcs.yaml`],
      { runs: n >= 10000 ? 1 : runs },
    );
    const jsYaml = measure([node, 'bench/parse-floor.mjs', `${dir}/contracts`, 'js-yaml'], { runs });
    const yaml = measure([node, 'bench/parse-floor.mjs', `${dir}/contracts`, 'yaml'], { runs: n >= 10000 ? 1 : runs });
    const k = n >= 1000 ? `${n / 1000}k` : String(n);
    rows.push(
      { what: `${k}: mesh lint (validate + all rules), cold`, ms: cold.medianMs, rssMb: cold.rssMb },
      ...(before ? [{ what: `${k}: mesh lint, baseline build`, ms: before.medianMs, rssMb: before.rssMb, note: baseline }] : []),
      { what: `${k}: mesh lint --workers 1 (one thread), cold`, ms: single.medianMs, rssMb: single.rssMb },
      { what: `${k}: mesh lint --cache, filling the cache`, ms: fill.medianMs, rssMb: fill.rssMb },
      { what: `${k}: mesh lint --cache, nothing changed`, ms: warm.medianMs, rssMb: warm.rssMb },
      { what: `${k}: ajv-cli validate (official schema only)`, ms: ajv.medianMs, rssMb: ajv.rssMb },
      { what: `${k}: spectral lint (5-rule minimal ruleset)`, ms: spectral.medianMs, rssMb: spectral.rssMb, ...(n >= 10000 ? { note: '1 run' } : {}) },
      { what: `${k}: parse-only floor: js-yaml, one thread`, ms: jsYaml.medianMs, rssMb: jsYaml.rssMb },
      { what: `${k}: parse-only: yaml parseDocument, one thread`, ms: yaml.medianMs, rssMb: yaml.rssMb },
    );
    Object.assign(ratios, {
      [`${k}: lint / ajv-cli`]: ratio(cold.medianMs, ajv.medianMs),
      [`${k}: lint / js-yaml floor`]: ratio(cold.medianMs, jsYaml.medianMs),
      [`${k}: lint / spectral`]: ratio(cold.medianMs, spectral.medianMs),
      [`${k}: lint warm cache / js-yaml floor`]: ratio(warm.medianMs, jsYaml.medianMs),
    });
  }
  return { input: `generated meshes of ${sizes.join(' and ')} contracts (scripts/lib/mesh-generator.mjs, seed 42)`, rows, ratios };
}
