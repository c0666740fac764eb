// ODCS schema conformance of one loaded contract: exactly the verdict of the official JSON Schema
// (the newest one listing the document's apiVersion), worded for humans.
import type { Finding, JsonPath } from '../finding.js';
import type { LoadedDocument } from '../model/document.js';
import { describeSchemaErrors } from './schema-messages.js';
import { latestSchema, schemaForApiVersion, supportedApiVersions } from './schema-registry.js';

export { supportedApiVersions } from './schema-registry.js';

export const SCHEMA_RULE = 'odcs/schema';
export const API_VERSION_RULE = 'odcs/api-version';

/** Checks `doc` against the official ODCS schema. No findings means the schema accepts it. */
export function validateContract(doc: LoadedDocument): Finding[] {
  const data = doc.data;
  const apiVersion = data.apiVersion;
  const chosen = schemaForApiVersion(apiVersion);
  const findings: Finding[] = [];
  const finding = (path: JsonPath, rule: string, message: string, fix?: string): Finding => {
    const { line, column } = doc.locate(path);
    const f: Finding = { file: doc.file, line, column, rule, severity: 'error', message };
    if (fix) f.fix = fix;
    return f;
  };

  if (!chosen) {
    const supported = supportedApiVersions().join(', ');
    findings.push(
      apiVersion === undefined
        ? finding([], API_VERSION_RULE, `missing required key "apiVersion" (supported versions: ${supported})`, `add "apiVersion: ${supportedApiVersions()[0]}"`)
        : finding(
            ['apiVersion'],
            API_VERSION_RULE,
            `apiVersion: ${JSON.stringify(apiVersion)} is not a supported ODCS version (supported versions: ${supported})`,
            `set apiVersion to one of ${supported}`,
          ),
    );
  }

  // A document with an unknown apiVersion is still checked against the newest schema, so its other
  // problems show up in the same run; the apiVersion itself is reported once, above.
  const schema = chosen ?? latestSchema();
  if (schema.validate(data)) return findings;
  const errors = (schema.validate.errors ?? []).filter(
    (e) => chosen || !(e.instancePath === '/apiVersion' || (e.keyword === 'required' && e.params.missingProperty === 'apiVersion' && e.instancePath === '')),
  );
  for (const problem of describeSchemaErrors(errors, data, schema.schema)) {
    findings.push(finding(problem.path, SCHEMA_RULE, problem.message, problem.fix));
  }
  if (findings.length === 0) {
    // Cannot happen with Ajv's error reporting, but a rejected document must never look clean.
    findings.push(finding([], SCHEMA_RULE, 'the document does not conform to the ODCS schema'));
  }
  return findings;
}
