import { ref, type Ref } from 'vue';

/** A list route's pages (`{items, nextToken}`): the first page, then "more" with the nextToken the API gave. */
export function usePagedList<T>(fetchPage: (nextToken: string | undefined) => Promise<{ items: T[]; nextToken?: string | null }>) {
  const items = ref([]) as Ref<T[]>;
  const next = ref<string | null>(null);
  const error = ref<unknown>(null);
  const loading = ref(false);

  async function load(more = false): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      const page = await fetchPage(more && next.value ? next.value : undefined);
      items.value = more ? [...items.value, ...page.items] : page.items;
      next.value = page.nextToken ?? null;
    } catch (e) {
      error.value = e;
    } finally {
      loading.value = false;
    }
  }

  return { items, next, error, loading, load };
}
