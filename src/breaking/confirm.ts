// Cross-check with json-schema-diff: compile each changed schema object of both versions to JSON
// Schema (src/export/jsonschema.ts, open models) and let json-schema-diff compute whether values
// were added or removed. Our rules stay the verdict (json-schema-diff ignores enum, pattern and
// format, and knows nothing of SLAs, quality or servers); the cross-check adds
// `breaking/value-set-widened` when it finds added values no rule explained.
// json-schema-diff costs ~10–20 ms per object pair, so unchanged objects are skipped.
import jsonSchemaDiff from 'json-schema-diff';
import { objectToJsonSchema } from '../export/jsonschema.js';
import { diffContracts, matchElements, schemaObjects, type DiffOptions } from './diff-contracts.js';
import { deepEqual, root, type Obj } from './nodes.js';
import type { DiffReport } from './report.js';

export type ValueSetResult = { path: string; oldPath: string; newPath: string; additionsFound: boolean; removalsFound: boolean };

/** json-schema-diff's verdict per changed schema object (paired by id then name). */
export async function valueSetChecks(oldData: Obj, newData: Obj): Promise<ValueSetResult[]> {
  const objects = matchElements(schemaObjects(root(oldData)), schemaObjects(root(newData)));
  const out: ValueSetResult[] = [];
  for (const pair of objects.pairs) {
    if (deepEqual(pair.old.value, pair.new.value)) continue;
    const result = await jsonSchemaDiff.diffSchemas({
      sourceSchema: objectToJsonSchema(pair.old.value) as never,
      destinationSchema: objectToJsonSchema(pair.new.value) as never,
    });
    out.push({ path: pair.new.path, oldPath: pair.old.path, newPath: pair.new.path, additionsFound: result.additionsFound, removalsFound: result.removalsFound });
  }
  return out;
}

/** diffContracts plus the json-schema-diff cross-check (what `mesh diff` and `mesh breaking` run). */
export async function diffContractsChecked(oldData: Obj | undefined, newData: Obj | undefined, options: DiffOptions = {}): Promise<DiffReport> {
  if (!oldData || !newData || oldData.id !== newData.id) return diffContracts(oldData, newData, options);
  const valueSets = await valueSetChecks(oldData, newData);
  return diffContracts(oldData, newData, { ...options, valueSets });
}
