// Handlebars rendering of the site's pages. An isolated Handlebars environment with escaping on
// (the default); the only unescaped values are SafeHtml objects made by the site generator itself.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { SafeHtml } from './safe-html.js';

export type PageKind = 'home' | 'contract' | 'domain' | 'governance' | 'lineage';

export interface AssetNames {
  css: string;
  js: string;
  favicon: string;
  minisearch: string;
  searchIndex: string;
}

export interface PageFrame {
  kind: PageKind;
  /** Page path relative to the site root (`contracts/x.html`). */
  path: string;
  root: string;
  pageTitle: string;
  description?: string;
  canonical?: string;
  site: { title: string };
  assets: AssetNames;
  generatedDate: string;
}

export interface Renderer {
  render(frame: PageFrame, page: object): string;
}

/** Compiles site/templates/*.hbs and registers site/partials/*.hbs. */
export function loadRenderer(siteDir: string): Renderer {
  const hbs = Handlebars.create();
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('gt', (a: unknown, b: unknown) => Number(a) > Number(b));
  hbs.registerHelper('add', (a: unknown, b: unknown) => Number(a) + Number(b));
  hbs.registerHelper('join', (list: unknown, sep: unknown) => (Array.isArray(list) ? list.map(String).join(typeof sep === 'string' ? sep : ', ') : ''));
  for (const file of readdirSync(path.join(siteDir, 'partials'))) {
    if (!file.endsWith('.hbs')) continue;
    hbs.registerPartial(file.replace(/\.hbs$/, ''), readFileSync(path.join(siteDir, 'partials', file), 'utf8'));
  }
  const compile = (name: string) => hbs.compile(readFileSync(path.join(siteDir, 'templates', `${name}.hbs`), 'utf8'), { strict: false, preventIndent: true });
  const layout = compile('layout');
  const bodies = new Map<PageKind, HandlebarsTemplateDelegate>();
  for (const kind of ['home', 'contract', 'domain', 'governance', 'lineage'] as const) bodies.set(kind, compile(kind));
  return {
    render(frame, page) {
      const context = { ...page, ...frame };
      const body = (bodies.get(frame.kind) as HandlebarsTemplateDelegate)(context);
      return layout({ ...frame, body: new SafeHtml(body) });
    },
  };
}
