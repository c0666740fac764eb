// Hidden HTML comments that let a bot find its own issues and comments again, whatever people do
// to titles and text: `<!-- mesh-slo: sales-orders/latency -->` identifies, and
// `<!-- mesh-slo-state: {...} -->` carries the last state the bot reported.

const SAFE_KIND = /^[a-z][a-z0-9-]*$/;

function checkKind(kind: string): void {
  if (!SAFE_KIND.test(kind)) throw new Error(`marker kind must be lower-case letters, digits and dashes: ${kind}`);
}

function cleanKey(key: string): string {
  return key.replace(/-->/g, '').replace(/[\r\n]+/g, ' ').trim();
}

/** `<!-- kind: key -->`; the key may not contain `-->` or line breaks. */
export function marker(kind: string, key: string): string {
  checkKind(kind);
  return `<!-- ${kind}: ${cleanKey(key)} -->`;
}

/** The key of the first `<!-- kind: key -->` in a body, if any. */
export function findMarker(body: string | null | undefined, kind: string): string | undefined {
  checkKind(kind);
  if (!body) return undefined;
  const m = new RegExp(`<!--\\s*${kind}:\\s*(.*?)\\s*-->`).exec(body);
  return m?.[1];
}

export function hasMarker(body: string | null | undefined, kind: string, key: string): boolean {
  return findMarker(body, kind) === cleanKey(key);
}

/** `<!-- kind: {json} -->` with `--` escaped so the comment cannot end early. */
export function hiddenJson(kind: string, value: unknown): string {
  checkKind(kind);
  return `<!-- ${kind}: ${JSON.stringify(value).replace(/--/g, '-\\u002d').replace(/>/g, '\\u003e')} -->`;
}

export function readHiddenJson<T = unknown>(body: string | null | undefined, kind: string): T | undefined {
  checkKind(kind);
  if (!body) return undefined;
  const m = new RegExp(`<!--\\s*${kind}:\\s*(\\{.*?\\})\\s*-->`, 's').exec(body);
  if (!m) return undefined;
  try {
    return JSON.parse(m[1]) as T;
  } catch {
    return undefined;
  }
}
