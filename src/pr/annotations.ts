// GitHub shows at most 10 error and 10 warning annotations per step (and 10 notices); more are
// dropped silently. The actions annotate the first ones of each level and list the rest in the job
// summary, so nothing is lost.
import { compareFindings, type Finding } from '../finding.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface AnnotationLimits {
  error: number;
  warning: number;
  notice: number;
}

/** What github.com displays per step and level. */
export const GITHUB_ANNOTATION_LIMITS: Readonly<AnnotationLimits> = { error: 10, warning: 10, notice: 10 };

export interface CappedAnnotations {
  /** Findings to emit as annotations, in output order. */
  annotated: Finding[];
  /** Findings over the limit of their level: shown in the summary only. */
  overflow: Finding[];
}

export function annotationLevel(f: Pick<Finding, 'severity'>): AnnotationLevel {
  return f.severity === 'info' ? 'notice' : f.severity;
}

/** Splits findings into those GitHub will display as annotations and the overflow, by level. */
export function capAnnotations(findings: readonly Finding[], limits: AnnotationLimits = GITHUB_ANNOTATION_LIMITS): CappedAnnotations {
  const used: AnnotationLimits = { error: 0, warning: 0, notice: 0 };
  const annotated: Finding[] = [];
  const overflow: Finding[] = [];
  for (const f of [...findings].sort(compareFindings)) {
    const level = annotationLevel(f);
    if (used[level] < limits[level]) {
      used[level]++;
      annotated.push(f);
    } else overflow.push(f);
  }
  return { annotated, overflow };
}
