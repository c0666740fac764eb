// Findings as workflow annotations on file and line, capped at what GitHub displays per step;
// the overflow is returned for the job summary.
import * as core from '@actions/core';
import type { Finding } from '../../../src/finding.js';
import { annotationLevel, capAnnotations, GITHUB_ANNOTATION_LIMITS, type CappedAnnotations } from '../../../src/pr/annotations.js';

/**
 * `willFail`: the step ends with core.setFailed, whose message is an error annotation too; one
 * error slot is kept for it so that GitHub drops none.
 */
export function annotate(findings: readonly Finding[], willFail = false): CappedAnnotations {
  const capped = capAnnotations(findings, { ...GITHUB_ANNOTATION_LIMITS, error: GITHUB_ANNOTATION_LIMITS.error - (willFail ? 1 : 0) });
  for (const f of capped.annotated) {
    const props: core.AnnotationProperties = { title: f.rule, file: f.file, startLine: f.line, startColumn: f.column };
    const text = f.fix ? `${f.message} (fix: ${f.fix})` : f.message;
    const level = annotationLevel(f);
    if (level === 'error') core.error(text, props);
    else if (level === 'warning') core.warning(text, props);
    else core.notice(text, props);
  }
  return capped;
}
