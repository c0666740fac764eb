// Parse-only floor: read and parse every YAML file of a tree in one process, single-threaded.
// Usage: node bench/parse-floor.mjs <dir> js-yaml|yaml
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import jsYaml from 'js-yaml';
import { parseDocument } from 'yaml';

const [dir, parser = 'js-yaml'] = process.argv.slice(2);
const files = readdirSync(dir, { recursive: true }).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(dir, f));
let keys = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const value = parser === 'yaml' ? parseDocument(text).toJS() : jsYaml.load(text);
  keys += Object.keys(value ?? {}).length;
}
console.log(`${files.length} files, ${keys} top-level keys`);
