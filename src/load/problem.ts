// A load problem before it becomes a Finding: either a source position or a path inside the parsed value.
import type { JsonPath } from '../finding.js';

export interface LoadProblem {
  rule: string;
  message: string;
  fix?: string;
  /** 1-based position, when known from the parser. */
  line?: number;
  column?: number;
  /** Path of the offending node in the parsed value; located lazily when there is no position. */
  path?: JsonPath;
}
