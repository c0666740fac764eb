// Bytes -> safe parsed value. Fast path: js-yaml. The `yaml` package is used only when the text has
// anchors/aliases (bounded alias expansion) or when js-yaml fails (exact error positions).
import jsyaml from 'js-yaml';
import type { Limits } from './options.js';
import type { LoadProblem } from './problem.js';
import { decodeUtf8 } from './utf8.js';
import { diagnose, firstAliasPosition, parseWithPositions } from './yaml-diagnostics.js';
import { checkValue, type RefSite } from './check-value.js';

export type ParseOutcome =
  | { ok: true; text: string; value: unknown; refs: RefSite[] }
  | { ok: false; text?: string; problems: LoadProblem[] };

export interface ParseYamlOptions {
  /** Report a document that is not a mapping (true for loaded documents, false for `$ref` targets). */
  requireMapping: boolean;
}

// Only blank lines, comments and document markers.
const NOTHING_BUT_COMMENTS = /^(?:[ \t]*(?:#[^\n]*)?(?:\r?\n|$)|(?:---|\.\.\.)[ \t]*(?:#[^\n]*)?(?:\r?\n|$))*$/;

/**
 * Whether `text` may hold an alias (`*name`), which starts a node: at the start of the text or after
 * white space or a flow indicator. Texts without such a `*` skip the shared-object bookkeeping of the
 * walk (a `*` inside words, as in `COUNT(*)` in SQL quality rules, is common in contracts). A scan
 * for `*` rather than a regular expression: profiled, the expression cost more than it saved.
 */
function mayHoldAlias(text: string): boolean {
  for (let i = text.indexOf('*'); i !== -1; i = text.indexOf('*', i + 1)) {
    if (i === 0 || NODE_START_BEFORE.has(text.charCodeAt(i - 1))) return true;
  }
  return false;
}
/** Tab, LF, VT, FF, CR, space, `,`, `:`, `[`, `{`. */
const NODE_START_BEFORE: ReadonlySet<number> = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x2c, 0x3a, 0x5b, 0x7b]);

export function byteLengthOf(input: string | Uint8Array): number {
  return typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
}

export function parseYaml(input: string | Uint8Array, limits: Limits, options: ParseYamlOptions): ParseOutcome {
  const size = byteLengthOf(input);
  if (size > limits.maxFileBytes) return fail(fileTooLarge(size, limits.maxFileBytes));

  let text: string;
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    const decoded = decodeUtf8(input);
    if (!decoded.ok) {
      return fail({
        rule: 'load/invalid-utf8',
        message: `invalid UTF-8 (byte 0x${decoded.byte.toString(16).padStart(2, '0')} at byte offset ${decoded.offset}): save the file as UTF-8`,
        fix: 'Re-encode the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`).',
        line: decoded.line,
        column: decoded.column,
      });
    }
    text = decoded.text;
  }

  if (NOTHING_BUT_COMMENTS.test(text)) {
    const blank = text.trim() === '';
    return fail(
      {
        rule: 'load/empty-file',
        message: blank
          ? 'the file is empty: add the document or delete the file'
          : 'the file holds only comments, no YAML document: add the document or delete the file',
        fix: 'Write the document (a mapping of keys to values) or delete the file.',
        line: 1,
        column: 1,
      },
      text,
    );
  }

  // Fast path: js-yaml. It shares one object for all aliases of an anchored collection, so the walk
  // below notices aliases (a collection reached twice) before expanding anything; such documents are
  // parsed again with the `yaml` package, which bounds alias expansion (and applies `<<` merge keys).
  let parsed = parseFast(text, limits);
  if (!parsed.ok) return parsed;
  let checked = checkValue(parsed.value, limits.maxDepth, mayHoldAlias(text));
  if (checked.shared) {
    parsed = parseWithAliases(text, limits);
    if (!parsed.ok) return parsed;
    checked = checkValue(parsed.value, limits.maxDepth);
  }
  const { value } = parsed;

  if (options.requireMapping && (value === null || typeof value !== 'object' || Array.isArray(value))) {
    const what = Array.isArray(value) ? 'a sequence' : value === null ? 'null' : `a ${typeof value} (${JSON.stringify(value)})`;
    const at = firstContentPosition(text);
    return fail(
      {
        rule: 'load/not-a-mapping',
        message: `the document is ${what}, but a mapping of keys to values is expected at the top level`,
        fix: 'Make the top level a mapping, e.g. `apiVersion: v3.1.0`.',
        ...at,
      },
      text,
    );
  }

  if (checked.problems.length > 0) return { ok: false, text, problems: checked.problems };
  return { ok: true, text, value, refs: checked.refs };
}

function parseFast(text: string, limits: Limits): { ok: true; value: unknown } | { ok: false; text: string; problems: LoadProblem[] } {
  try {
    // js-yaml's own depth guard only protects the stack; checkValue enforces the exact limit.
    const value = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, maxDepth: limits.maxDepth * 2 + 8 } as jsyaml.LoadOptions);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, text, problems: explainFailure(text, error, limits) };
  }
}

function parseWithAliases(text: string, limits: Limits): { ok: true; value: unknown } | { ok: false; text: string; problems: LoadProblem[] } {
  try {
    const parsed = parseWithPositions(text);
    const problems = diagnose(parsed);
    if (problems.length > 0) return { ok: false, text, problems };
    try {
      return { ok: true, value: parsed.doc.toJS({ maxAliasCount: limits.maxAliases }) };
    } catch (error) {
      if (error instanceof ReferenceError && /alias/i.test(error.message)) {
        return {
          ok: false,
          text,
          problems: [
            {
              rule: 'load/alias-limit',
              message: `YAML aliases expand beyond the limit of ${limits.maxAliases} (a "billion laughs" pattern): replace the nested aliases with plain values`,
              fix: 'Remove the anchors/aliases, or raise the limit with --max-aliases if the document is legitimate.',
              ...firstAliasPosition(parsed),
            },
          ],
        };
      }
      if (error instanceof RangeError) return { ok: false, text, problems: [tooDeepAtStart(limits)] };
      throw error;
    }
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, text, problems: [tooDeepAtStart(limits)] };
    throw error;
  }
}

/** js-yaml failed: ask the `yaml` package where and why; fall back to js-yaml's own mark. */
function explainFailure(text: string, error: unknown, limits: Limits): LoadProblem[] {
  const mark = (error as { mark?: { line: number; column: number } }).mark;
  const reason = (error as { reason?: string }).reason ?? (error instanceof Error ? error.message : String(error));
  if (error instanceof RangeError || /maxDepth/.test(reason)) {
    return [{ ...tooDeepAtStart(limits), ...(mark ? { line: mark.line + 1, column: mark.column + 1 } : {}) }];
  }
  let problems: LoadProblem[] = [];
  try {
    problems = diagnose(parseWithPositions(text));
  } catch {
    problems = [];
  }
  // Duplicate keys and extra documents: the `yaml` package knows both places. Other syntax errors:
  // js-yaml decided to reject the file, and its mark points where it stopped (e.g. the badly indented key).
  const structural = problems.filter((p) => p.rule !== 'load/yaml-syntax');
  if (structural.length > 0) return structural;
  if (mark && !/single document/.test(reason)) {
    return [
      {
        rule: 'load/yaml-syntax',
        message: `YAML syntax error: ${reason}`,
        fix: 'Fix the YAML syntax at this position (indentation, quoting, brackets).',
        line: mark.line + 1,
        column: mark.column + 1,
      },
    ];
  }
  if (problems.length > 0) return problems;
  if (/single document/.test(reason)) {
    return [
      {
        rule: 'load/multiple-documents',
        message: 'the file holds more than one YAML document: keep exactly one document per file',
        fix: 'Split the documents into separate files, or remove the extra `---` separator.',
        line: 1,
        column: 1,
      },
    ];
  }
  return [
    {
      rule: 'load/yaml-syntax',
      message: `YAML syntax error: ${reason}`,
      fix: 'Fix the YAML syntax at this position (indentation, quoting, brackets).',
      line: mark ? mark.line + 1 : 1,
      column: mark ? mark.column + 1 : 1,
    },
  ];
}

export function fileTooLarge(size: number, limit: number): LoadProblem {
  return {
    rule: 'load/file-too-large',
    message: `the file is ${size} bytes, over the limit of ${limit} bytes: split it into smaller files`,
    fix: 'Split the document, or raise the limit with --max-file-size.',
    line: 1,
    column: 1,
  };
}

function tooDeepAtStart(limits: Limits): LoadProblem {
  return {
    rule: 'load/too-deep',
    message: `the document nests deeper than ${limits.maxDepth} levels: flatten it`,
    fix: 'Reduce the nesting, or raise the limit with --max-depth.',
    line: 1,
    column: 1,
  };
}

function firstContentPosition(text: string): { line: number; column: number } {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)(?!#|---|\.\.\.)\S/.exec(lines[i]);
    if (m) return { line: i + 1, column: m[1].length + 1 };
  }
  return { line: 1, column: 1 };
}

function fail(problem: LoadProblem, text?: string): ParseOutcome {
  return { ok: false, text, problems: [problem] };
}

