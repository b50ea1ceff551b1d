import { reactive, watch } from 'vue';

/**
 * A form whose contents survive a reload (and a 503): kept in this browser's localStorage under key, per user, until
 * clear() after a successful submit. Nothing secret goes into a form draft.
 */
export function useDraft<T extends object>(key: string, initial: T) {
  const storageKey = `bj.draft.${key}`;
  let saved: Partial<T> = {};
  try {
    saved = JSON.parse(localStorage.getItem(storageKey) ?? '{}') as Partial<T>;
  } catch {
    saved = {};
  }
  const form = reactive({ ...initial, ...saved }) as T;
  watch(form as object, (value) => localStorage.setItem(storageKey, JSON.stringify(value)), { deep: true });
  return {
    form,
    restored: Object.keys(saved).length > 0,
    clear() {
      localStorage.removeItem(storageKey);
    },
  };
}
