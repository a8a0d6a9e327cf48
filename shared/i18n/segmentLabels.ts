import type { TFunction } from 'i18next';
import type { Quadrant } from '../analytics/quadrant';

/** "高价值 · 高潜力" / "High value · High potential": one wording for the grid, the profile and the Segments page. */
export function quadrantLabel(t: TFunction, quadrant: Quadrant): string {
  const [value, potential] = quadrant.split('-');
  return `${t(value === 'high' ? 'segments.quadrant.highValue' : 'segments.quadrant.lowValue')} · ${t(potential === 'high' ? 'segments.quadrant.highPotential' : 'segments.quadrant.lowPotential')}`;
}
