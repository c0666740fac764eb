// Structural views of exporter outputs, so specs compare meaning rather than bytes.
import { marked, type Token, type Tokens } from 'marked';
import { splitStatements } from '../../../src/import/sql-statements.js';

export interface TableShape {
  table: string;
  columns: string[];
  options: string;
}

/** CREATE TABLE statements as table name + one normalised entry per column/constraint; other statements normalised. */
export function ddlShape(sql: string): (TableShape | string)[] {
  return splitStatements(sql).map(({ text }) => {
    const m = /^create\s+table\s+(\S+)\s*\(([\s\S]*)\)([^)]*)$/i.exec(text);
    if (!m) return normalise(text);
    return { table: m[1], columns: splitTopLevel(m[2]).map(normalise), options: normalise(m[3]) };
  });
}

function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let current = '';
  for (const c of body) {
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(' || c === '<') depth++;
    else if (c === ')' || c === '>') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  if (current.trim()) parts.push(current);
  return parts;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Markdown as its block structure: headings (depth + text), tables (header + rows), list items, paragraphs. */
export function markdownShape(md: string): unknown[] {
  return marked.lexer(md).flatMap((t: Token): unknown[] => {
    if (t.type === 'heading') return [{ heading: (t as Tokens.Heading).depth, text: t.text }];
    if (t.type === 'table') {
      const table = t as Tokens.Table;
      return [{ table: table.header.map((h) => h.text), rows: table.rows.map((r) => r.map((c) => c.text)) }];
    }
    if (t.type === 'list') return [{ list: (t as Tokens.List).items.map((i) => i.text) }];
    if (t.type === 'paragraph') return [{ paragraph: t.text }];
    return [];
  });
}
