// Markdown from contracts is rendered and sanitised with a strict allow-list.
import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from '../../../src/site/markdown.js';

const html = (md: string) => renderMarkdown(md)?.html ?? '';

describe('renderMarkdown', () => {
  it('renders emphasis, code, lists and http links', () => {
    expect(html('**bold** and `code`')).toBe('<p><strong>bold</strong> and <code>code</code></p>\n');
    expect(html('- a\n- b')).toContain('<ul>\n<li>a</li>\n<li>b</li>\n</ul>');
    expect(html('[docs](https://example.com/x)')).toBe('<p><a href="https://example.com/x" rel="noopener noreferrer nofollow">docs</a></p>\n');
  });

  it('removes script elements with their content', () => {
    expect(html('hi <script>alert(1)</script> there')).not.toMatch(/script|alert/);
  });

  it('removes on* event handlers and images', () => {
    const out = html('<img src="x" onerror="alert(1)"> <b onclick="alert(2)">b</b>');
    expect(out).not.toMatch(/onerror|onclick|<img|alert/);
    expect(out).toContain('<b>b</b>');
  });

  it('drops javascript: and data: URLs from links', () => {
    expect(html('[x](javascript:alert(1))')).not.toContain('javascript:');
    expect(html('<a href="javascript:alert(1)">y</a>')).not.toContain('javascript:');
    expect(html('<a href="data:text/html,<script>alert(1)</script>">z</a>')).not.toMatch(/data:|script/);
  });

  it('removes iframes, objects, forms, styles and svg', () => {
    const out = html('<iframe src="https://evil"></iframe><object data="x"></object><form><button>b</button></form><style>*{}</style><svg onload="alert(1)"></svg>');
    expect(out).not.toMatch(/iframe|object|form|style|svg|onload/);
  });

  it('shifts headings below the page headings', () => {
    expect(html('# Title\n## Sub')).toBe('<h3>Title</h3>\n<h4>Sub</h4>\n');
  });

  it('gives nothing for empty or non-string input', () => {
    expect(renderMarkdown('')).toBeUndefined();
    expect(renderMarkdown(42)).toBeUndefined();
  });
});

describe('markdownToText', () => {
  it('strips markup and shortens to the limit with an ellipsis', () => {
    expect(markdownToText('**Every** order <script>x</script> & more')).toBe('Every order & more');
    expect(markdownToText('a'.repeat(50), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});

describe('plain text fast path', () => {
  it('renders plain sentences exactly as the Markdown parser would', () => {
    for (const text of ['One row per order.', 'Amounts in EUR, tax included (2024 onwards).', "It's the customer's \"home\" address.", 'Ends with a number 3.']) {
      expect(html(text)).toBe(html(`${text}\n\n`));
    }
  });

  it('still sends anything that looks like Markdown or HTML through the sanitiser', () => {
    expect(html('a <script>alert(1)</script>')).not.toContain('script');
    expect(html('- item')).toContain('<li>');
    expect(html('see https://acme.example')).toContain('<a href="https://acme.example"');
  });
});
