import { ref } from 'vue';
import { ApiError } from '../api/client';

/**
 * One form's sending: the busy flag, the failure (shown above the form) and the API's field problems (shown under
 * their fields). run() answers the action's result, or undefined when it failed; what was typed stays either way.
 */
export function useSubmit() {
  const sending = ref(false);
  const error = ref<unknown>(null);
  const fields = ref<Record<string, string>>({});

  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    sending.value = true;
    error.value = null;
    try {
      const result = await action();
      fields.value = {};
      return result;
    } catch (e) {
      error.value = e;
      if (e instanceof ApiError) fields.value = e.fields;
      return undefined;
    } finally {
      sending.value = false;
    }
  }

  /** Problems found before sending (required fields): shown like the API's; true when there are none. */
  function check(problems: Record<string, string>): boolean {
    fields.value = problems;
    return Object.keys(problems).length === 0;
  }

  function reset(): void {
    error.value = null;
    fields.value = {};
  }

  return { sending, error, fields, run, check, reset };
}
