// Classification levels: ordered by the mesh's taxonomy (least to most sensitive).
import type { DiffSettings } from './rule.js';

export function compareClassification(
  from: unknown,
  to: unknown,
  settings: DiffSettings,
): { direction: 'raised' | 'lowered'; from: string; to: string } | undefined {
  const levels = settings.classificationLevels.map((l) => l.toLowerCase());
  const f = typeof from === 'string' ? from : settings.defaultClassification;
  const t = typeof to === 'string' ? to : settings.defaultClassification;
  if (f === undefined && t === undefined) return undefined;
  if (f !== undefined && t !== undefined && f.toLowerCase() === t.toLowerCase()) return undefined;
  const fi = f === undefined ? -1 : levels.indexOf(f.toLowerCase());
  const ti = t === undefined ? -1 : levels.indexOf(t.toLowerCase());
  const show = (x: string | undefined) => x ?? '(unclassified)';
  // Declaring a classification where there was none: raised unless it is the lowest level.
  if (f === undefined) return ti === 0 ? undefined : { direction: 'raised', from: show(f), to: show(t) };
  if (t === undefined) return { direction: 'lowered', from: show(f), to: show(t) };
  // Outside the taxonomy, we cannot tell: assume the worse for consumers.
  if (fi === -1 || ti === -1) return { direction: 'raised', from: f, to: t };
  return { direction: ti > fi ? 'raised' : 'lowered', from: f, to: t };
}
