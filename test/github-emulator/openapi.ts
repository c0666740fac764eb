// Validation against GitHub's official OpenAPI description (the `@octokit/openapi` package).
// The description is OpenAPI 3.0 (`nullable`), converted once to JSON Schema for Ajv; each
// operation's request and response schemas are compiled lazily, the first time they are used.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

type Json = Record<string, unknown>;

interface Spec {
  paths: Record<string, Record<string, Json>>;
  components: Json;
}

let spec: Spec | undefined;
let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction | null>();

function load(): { spec: Spec; ajv: Ajv } {
  if (!spec || !ajv) {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('@octokit/openapi/package.json'));
    const raw = JSON.parse(readFileSync(path.join(dir, 'generated', 'api.github.com.json'), 'utf8')) as Spec;
    spec = { paths: raw.paths, components: toJsonSchema(raw.components) as Json };
    ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(ajv);
    ajv.addSchema({ components: spec.components }, 'gh');
  }
  return { spec, ajv };
}

/** OpenAPI 3.0 `nullable: true` → JSON Schema `type: [.., "null"]` / `anyOf [.., {type: null}]`. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) out[k] = toJsonSchema(v);
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
      return out;
    }
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

/** Rewrites document-local `#/components/...` refs so they resolve in the `gh` schema. */
function rebase(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rebase);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `gh${v}` : rebase(v);
  return out;
}

function resolveRef(node: Json | undefined): Json | undefined {
  let current = node;
  for (let i = 0; current && typeof current.$ref === 'string' && i < 5; i++) {
    const parts = (current.$ref as string).replace(/^#\//, '').split('/');
    let target: unknown = { components: load().spec.components };
    for (const p of parts) target = (target as Json)?.[p.replace(/~1/g, '/').replace(/~0/g, '~')];
    current = target as Json | undefined;
  }
  return current;
}

export function operation(method: string, template: string): Json | undefined {
  return load().spec.paths[template]?.[method.toLowerCase()];
}

function validator(key: string, schema: () => unknown): ValidateFunction | null {
  if (!compiled.has(key)) {
    const s = schema();
    compiled.set(key, s ? load().ajv.compile(rebase(toJsonSchema(s)) as Json) : null);
  }
  return compiled.get(key)!;
}

function errorsOf(v: ValidateFunction): string[] {
  return (v.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? `: ${String(e.params.additionalProperty)}` : ''}`);
}

/** Problems with a request: unknown operation, undeclared query parameters, body not matching the schema. */
export function checkRequest(method: string, template: string, query: URLSearchParams, body: unknown): string[] {
  const op = operation(method, template);
  if (!op) return [`${method} ${template} is not an operation of the GitHub REST API`];
  const problems: string[] = [];
  const params = ((op.parameters as Json[] | undefined) ?? []).map((p) => resolveRef(p)).filter((p): p is Json => !!p);
  const declared = new Map(params.filter((p) => p.in === 'query').map((p) => [p.name as string, p]));
  for (const [name, value] of query) {
    const param = declared.get(name);
    if (!param) {
      problems.push(`query parameter "${name}" is not declared`);
      continue;
    }
    const schema = toJsonSchema(param.schema) as Json | undefined;
    const v = validator(`${method} ${template} ?${name}`, () => schema);
    const isType = (t: string) => !!schema && (schema.type === t || (Array.isArray(schema.type) && schema.type.includes(t)));
    // Query strings carry text: numbers and booleans arrive as "30" and "false".
    const typed = isType('integer') && /^-?\d+$/.test(value) ? Number(value) : isType('boolean') && (value === 'true' || value === 'false') ? value === 'true' : value;
    if (v && !v(typed)) problems.push(`query parameter "${name}"=${JSON.stringify(value)}: ${errorsOf(v).join('; ')}`);
  }
  const content = (resolveRef(op.requestBody as Json | undefined)?.content as Json | undefined)?.['application/json'] as Json | undefined;
  if (body !== undefined) {
    if (!content) problems.push('the operation takes no JSON body');
    else {
      const v = validator(`${method} ${template} request`, () => content.schema);
      if (v && !v(body)) problems.push(...errorsOf(v).map((e) => `body ${e}`));
    }
  } else if ((resolveRef(op.requestBody as Json | undefined) as Json | undefined)?.required === true) {
    problems.push('the operation requires a JSON body');
  }
  return problems;
}

/** Problems with a response: undocumented 2xx status, or a body not matching the documented schema. */
export function checkResponse(method: string, template: string, status: number, body: unknown): string[] {
  const op = operation(method, template);
  if (!op) return [];
  const responses = op.responses as Record<string, Json>;
  const response = resolveRef(responses[String(status)]);
  if (!response) return status < 300 ? [`status ${status} is not documented for ${method} ${template}`] : [];
  const content = (response.content as Json | undefined)?.['application/json'] as Json | undefined;
  if (!content) return body === undefined ? [] : [`status ${status} is documented without a body`];
  const v = validator(`${method} ${template} ${status}`, () => content.schema);
  return v && !v(body) ? errorsOf(v).map((e) => `response ${status} ${e}`) : [];
}
