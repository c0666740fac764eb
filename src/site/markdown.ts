// Markdown from contracts (descriptions) -> HTML that is safe to put in a page: rendered by marked,
// then cleaned by sanitize-html with a strict allow-list (no script, no style, no on* handlers,
// no iframes, only http(s)/mailto links and no images from anywhere).
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { SafeHtml } from './safe-html.js';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'b', 'i', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'a', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'del'],
  allowedAttributes: { a: ['href', 'title', 'rel'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Headings from contracts sit under the page's own headings.
  transformTags: {
    h1: 'h3',
    h2: 'h4',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer nofollow' } }),
  },
  nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'template'],
};

// Text without any Markdown or HTML syntax renders to one escaped paragraph: skip the parser (most
// descriptions are plain sentences, and a 10k-contract site renders tens of thousands of them).
const SYNTAX = /[*_`[\]<>&#|~!\\\n]|https?:|www\.|^\s*([-+>]|\d+[.)])\s|^\s{4}/;

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Renders Markdown to sanitized HTML; empty or non-string input gives undefined. */
export function renderMarkdown(text: unknown): SafeHtml | undefined {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  if (!SYNTAX.test(text)) return new SafeHtml(`<p>${escapeText(text.trim())}</p>\n`);
  const html = marked.parse(text) as string;
  return new SafeHtml(sanitizeHtml(html, ALLOWED));
}

/** Plain text of a Markdown snippet (for summaries and the search index): tags and markup removed. */
export function markdownToText(text: unknown, max = Infinity): string {
  if (typeof text !== 'string') return '';
  if (!SYNTAX.test(text)) return shorten(text.replace(/\s+/g, ' ').trim(), max);
  const html = marked.parse(text) as string;
  const plain = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {}, nonTextTags: ALLOWED.nonTextTags })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  return shorten(plain, max);
}

function shorten(plain: string, max: number): string {
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}
