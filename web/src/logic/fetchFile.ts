import { API_BASE, toApiError } from '../api/client';
import { currentToken } from '../auth/session';

/**
 * A signed-in GET of a file the API writes (CSV with its BOM, a printable HTML report): the bytes as the API sent
 * them, as a Blob. A link cannot carry the bearer token, so the console fetches and hands the file on.
 */
export async function fetchFile(path: string): Promise<Blob> {
  const token = currentToken();
  const response = await fetch(`${API_BASE}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => undefined));
  return response.blob();
}

/** Saves a Blob under fileName (the browser's download). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
