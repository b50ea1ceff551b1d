import { GROWTH_TIERS, INDUSTRIES, POOL_CRITERIA } from './labels';
import type { GrowthTier, Industry } from '../api/types';

/** A pool entry's criteria in words: "所属产业 新材料；知识产权数量 4 件" (codes it does not know stay as they are). */
export function criteriaText(criteria: Record<string, string> | undefined): string {
  if (!criteria) return '—';
  const text = Object.entries(criteria).map(([code, value]) => {
    const c = POOL_CRITERIA.find((k) => k.code === code);
    const shown = code === 'INDUSTRY' ? INDUSTRIES[value as Industry] ?? value
      : code === 'GROWTH_TIER' ? GROWTH_TIERS[value as GrowthTier] ?? value : value;
    return `${c?.name ?? code} ${shown}${c?.unit ? ` ${c.unit}` : ''}`;
  });
  return text.join('；') || '—';
}

/** The conversion rate (a fraction) as a percentage, or a dash before any entry. */
export function percent(rate: number | null | undefined): string {
  return rate == null ? '—' : `${(rate * 100).toFixed(1)}%`;
}
