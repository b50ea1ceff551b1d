import { GROWTH_TIERS, INDUSTRIES } from './labels';
import type { CoachingInput, GrowthTier, Industry } from '../api/types';

// The cultivation data (policy/BJ-2019-cultivation.json) names these; GET /policy does not carry them, so their names
// come from openapi.yaml, typed by its enums where it has one.
export const COACHING_KINDS: Record<CoachingInput['kind'], string> = {
  TRAINING: '集中培训',
  ONE_ON_ONE: '一对一辅导',
  SITE_VISIT: '上门服务',
  APPLICATION_REVIEW: '申报材料预审',
};

/** The pool's entry criteria (PoolInput.criteria's codes), as the bureau records them: no threshold is applied. */
export const POOL_CRITERIA: { code: string; name: string; unit?: string }[] = [
  { code: 'INDUSTRY', name: '所属产业' },
  { code: 'GROWTH_TIER', name: '成长梯队' },
  { code: 'RD_SHARE_PERCENT', name: '研发费用占销售收入比例', unit: '%' },
  { code: 'IP_COUNT', name: '知识产权数量', unit: '件' },
];

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
