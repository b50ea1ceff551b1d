import { ref } from 'vue';
import { api, call } from '../api/client';
import type { Policy } from '../api/types';
import { asCodes, GROWTH_TIERS, INDUSTRIES } from '../logic/labels';

// GET /policy is the console's one dictionary: kinds, levels, counties, industries, tiers, rules, targets.
const policy = ref<Policy | null>(null);
let loading: Promise<Policy> | null = null;

export function loadPolicy(force = false): Promise<Policy> {
  if (!loading || force) {
    // GET /policy may be kept a minute by the browser (its cache-control): a reload after a change revalidates
    loading = call(api.GET('/policy', force ? { cache: 'no-cache' } : {})).then((p) => (policy.value = {
      ...p,
      industries: p.industries ?? asCodes(INDUSTRIES),
      growthTiers: p.growthTiers ?? asCodes(GROWTH_TIERS),
    } as Policy));
    loading.catch(() => (loading = null));
  }
  return loading;
}

function nameIn(list: { code: string; name: string }[] | undefined, code: string | null | undefined): string {
  if (!code) return '—';
  return list?.find((c) => c.code === code)?.name ?? code;
}

export function usePolicy() {
  void loadPolicy().catch(() => undefined);
  return {
    policy,
    kindName: (code?: string | null) => nameIn(policy.value?.kinds as { code: string; name: string }[] | undefined, code),
    levelName: (code?: string | null) => nameIn(policy.value?.levels, code),
    countyName: (code?: string | null) => nameIn(policy.value?.counties, code),
    industryName: (code?: string | null) => nameIn(policy.value?.industries, code),
    tierName: (code?: string | null) => nameIn(policy.value?.growthTiers, code),
  };
}
