// Foundation benchmark: `mesh lint` of a whole generated mesh, side by side with ajv-cli validating
// the same contracts against the official ODCS schema, and parse-only floors (js-yaml, yaml).
import { ensureMesh, measure, ratio } from './harness.mjs';

export const name = 'lint';

export function run({ quick }) {
  const contracts = quick ? 300 : 5000;
  const runs = quick ? 1 : 3;
  const dir = ensureMesh(contracts);
  const node = process.execPath;
  const lint = measure([node, 'bin/mesh.js', 'lint', `${dir}/contracts`, '--format', 'json'], { runs });
  const ajv = measure(
    [node, 'node_modules/ajv-cli/dist/index.js', 'validate', '--spec=draft2019', '--strict=false', '-c', 'ajv-formats',
      '-s', 'schemas/odcs/odcs-json-schema-v3.1.0.json', '-d', `${dir}/contracts/*/*.odcs.yaml`],
    { runs },
  );
  const jsYaml = measure([node, 'bench/parse-floor.mjs', `${dir}/contracts`, 'js-yaml'], { runs });
  const yaml = measure([node, 'bench/parse-floor.mjs', `${dir}/contracts`, 'yaml'], { runs });
  return {
    input: `${contracts} generated contracts`,
    rows: [
      { what: 'mesh lint (validate + all rules)', ms: lint.medianMs, rssMb: lint.rssMb },
      { what: 'ajv-cli validate (official schema only)', ms: ajv.medianMs, rssMb: ajv.rssMb },
      { what: 'parse-only floor: js-yaml, one process', ms: jsYaml.medianMs, rssMb: jsYaml.rssMb },
      { what: 'parse-only: yaml parseDocument, one process', ms: yaml.medianMs, rssMb: yaml.rssMb },
    ],
    ratios: {
      'lint / ajv-cli': ratio(lint.medianMs, ajv.medianMs),
      'lint / js-yaml floor': ratio(lint.medianMs, jsYaml.medianMs),
    },
  };
}
