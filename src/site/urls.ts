// Where each page of the site lives and how pages link to each other. Every link is relative
// (a page at depth 1 reaches the root through `../`), so the site works from file:// and under
// any sub-path of a web server; `--base-url` is only used for canonical links.

/** A file-system and URL safe slug: lower-case letters, digits, `-`, `_` and `.` only. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return slug === '' ? 'x' : slug;
}

/** Unique slugs for a list of names, in order: a repeated slug gets `-2`, `-3`, ... */
export function uniqueSlugs(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = slugify(name);
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  });
}

export const PAGES = {
  home: 'index.html',
  governance: 'governance.html',
  lineage: 'lineage.html',
  contract: (slug: string) => `contracts/${slug}.html`,
  domain: (slug: string) => `domains/${slug}.html`,
  odcsDownload: (slug: string) => `downloads/${slug}/${slug}.odcs.yaml`,
  jsonSchemaDownload: (slug: string, object: string) => `downloads/${slug}/${slugify(object)}.schema.json`,
} as const;

/** The prefix that leads from a page (root-relative path) back to the site root: '' or '../' per level. */
export function rootPrefix(pagePath: string): string {
  const depth = pagePath.split('/').length - 1;
  return '../'.repeat(depth);
}

/** The URL a contract may link to: http(s) and mailto only; anything else (javascript:, data:) is dropped. */
export function safeExternalUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const url = value.trim();
  if (!/^(https?:\/\/|mailto:)/i.test(url)) return undefined;
  // Control characters and whitespace inside a URL are a smuggling attempt, not an address.
  if (/[\u0000-\u0020\u007f]/.test(url)) return undefined;
  return url;
}

/** `https://github.com/orgs/<org>/teams/<team>` for an `@org/team` handle; undefined for other owners. */
export function githubTeamUrl(handle: string): string | undefined {
  const m = /^@([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9_.-]+)$/.exec(handle.trim());
  return m ? `https://github.com/orgs/${m[1]}/teams/${m[2]}` : undefined;
}

/** Canonical absolute URL of a page when a base URL is known (`https://x.github.io/repo/` or `/repo/`). */
export function canonicalUrl(baseUrl: string | undefined, pagePath: string): string | undefined {
  if (!baseUrl) return undefined;
  return baseUrl.replace(/\/?$/, '/') + pagePath;
}
