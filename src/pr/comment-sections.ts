// The one sticky PR comment the contract checks share. Each action (lint, breaking, governance)
// owns a section of it; a section starts with a hidden JSON marker carrying its id, title and
// status, and ends with a closing marker. An action reads the comment, replaces its own section,
// and writes the whole body back; the header states the overall verdict and says "resolved" once
// every section is clean after something was not.
import { hiddenJson } from '../github/markers.js';

export type SectionStatus = 'pass' | 'warn' | 'fail';

export interface CommentSection {
  /** Stable id of the owning check: `lint`, `breaking`, `governance`. */
  id: string;
  /** Heading shown in the comment. */
  title: string;
  status: SectionStatus;
  /** Markdown of the section (without heading). */
  body: string;
}

/** Key of the sticky comment (its hidden marker, see src/github/sticky-comment.ts). */
export const PR_COMMENT_KEY = 'contracts-pr';

/** Sections appear in this order; unknown ids after them, alphabetically. */
export const SECTION_ORDER = ['lint', 'breaking', 'governance'];

const OPEN_KIND = 'mesh-pr-section';
const CLOSE = '<!-- /mesh-pr-section -->';
const STATE_KIND = 'mesh-pr-state';
const OPEN_RE = /<!--\s*mesh-pr-section:\s*(\{.*?\})\s*-->\n?([\s\S]*?)\n?<!-- \/mesh-pr-section -->/g;
const STATE_RE = /<!--\s*mesh-pr-state:\s*(\{.*?\})\s*-->/;
const STATUSES: readonly SectionStatus[] = ['pass', 'warn', 'fail'];

/** The sections of a comment body written by `renderComment` (others' text is ignored). */
export function parseSections(body: string | null | undefined): CommentSection[] {
  if (!body) return [];
  const out: CommentSection[] = [];
  for (const m of body.matchAll(OPEN_RE)) {
    let meta: unknown;
    try {
      meta = JSON.parse(m[1]);
    } catch {
      continue;
    }
    if (!isMeta(meta)) continue;
    out.push({ id: meta.id, title: meta.title, status: meta.status, body: stripHeading(m[2]) });
  }
  return out;
}

/** Whether the comment ever reported a problem (kept across updates so "resolved" can be said). */
export function hadProblems(body: string | null | undefined): boolean {
  const m = body ? STATE_RE.exec(body) : null;
  if (!m) return false;
  try {
    return (JSON.parse(m[1]) as { hadProblems?: unknown }).hadProblems === true;
  } catch {
    return false;
  }
}

/** `sections` with `section` added or replacing the one with the same id, in display order. */
export function withSection(sections: readonly CommentSection[], section: CommentSection): CommentSection[] {
  const others = sections.filter((s) => s.id !== section.id);
  return [...others, section].sort(bySectionOrder);
}

export function overallStatus(sections: readonly CommentSection[]): SectionStatus {
  if (sections.some((s) => s.status === 'fail')) return 'fail';
  if (sections.some((s) => s.status === 'warn')) return 'warn';
  return 'pass';
}

const ICON: Record<SectionStatus, string> = { pass: ':white_check_mark:', warn: ':warning:', fail: ':x:' };

/**
 * The full comment body (without the sticky marker, which upsertStickyComment adds).
 * `previous` is the body currently on the PR, if any: its other sections are kept.
 */
export function renderComment(section: CommentSection, previous?: string | null): string {
  const sections = withSection(parseSections(previous), section);
  const status = overallStatus(sections);
  const problems = hadProblems(previous) || status !== 'pass';
  const heading =
    status === 'fail'
      ? `## ${ICON.fail} Contract checks: changes needed`
      : status === 'warn'
        ? `## ${ICON.warn} Contract checks pass, with warnings`
        : problems
          ? `## ${ICON.pass} Resolved: all contract checks pass`
          : `## ${ICON.pass} Contract checks pass`;
  const parts = [hiddenJson(STATE_KIND, { hadProblems: problems }), heading, ''];
  for (const s of sections) {
    parts.push(hiddenJson(OPEN_KIND, { id: s.id, title: s.title, status: s.status }));
    parts.push(`### ${ICON[s.status]} ${s.title}`, '', s.body.trim(), CLOSE, '');
  }
  parts.push('<sub>Updated by the contract checks on every push; this comment is edited in place.</sub>');
  return parts.join('\n');
}

function stripHeading(text: string): string {
  return text.replace(/^### [^\n]*\n\n?/, '').trim();
}

function bySectionOrder(a: CommentSection, b: CommentSection): number {
  const ia = SECTION_ORDER.indexOf(a.id);
  const ib = SECTION_ORDER.indexOf(b.id);
  if (ia !== ib) return (ia < 0 ? SECTION_ORDER.length : ia) - (ib < 0 ? SECTION_ORDER.length : ib) || a.id.localeCompare(b.id);
  return a.id.localeCompare(b.id);
}

function isMeta(v: unknown): v is { id: string; title: string; status: SectionStatus } {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.id === 'string' && typeof o.title === 'string' && STATUSES.includes(o.status as SectionStatus);
}
