import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import type { ApiErrorBody, FieldProblem } from './types';
import { currentToken, signIn } from '../auth/session';

/** The API on the console's own origin: CloudFront (and the local runner) send /api/* to the HTTP API. */
export const API_BASE = '/api';

/** A failed call, in words for the person at the screen; field problems keyed by the form field they concern. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string>,
  ) {
    super(message);
  }

  get unavailable(): boolean {
    return this.status === 503 || this.status === 0;
  }
}

const CODE_MESSAGES: Record<string, string> = {
  VALIDATION_FAILED: '填写的内容有误，请按提示修改',
  UNAUTHENTICATED: '登录已失效，请重新登录',
  FORBIDDEN: '您的角色无权进行此操作',
  NOT_FOUND: '未找到该记录，或您无权查看',
  CONFLICT: '该记录的状态已变化，请刷新后重试',
  IDEMPOTENCY_KEY_REUSED: '该请求已提交过，请刷新查看结果',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  INTERNAL: '系统出错，请稍后重试',
  UNAVAILABLE: '服务暂时不可用，您填写的内容已保留，请稍后重试',
};

/** The API's field paths ("organization.county", "/county", "county") to the form's field names. */
function fieldName(field: string): string {
  const parts = field.split(/[./[\]]/).filter(Boolean);
  return parts[parts.length - 1] ?? field;
}

export function toApiError(status: number, body: unknown): ApiError {
  const error = (body as ApiErrorBody | undefined)?.error;
  if (status === 503) return new ApiError(503, 'UNAVAILABLE', CODE_MESSAGES.UNAVAILABLE!, {});
  if (!error) return new ApiError(status, status === 404 ? 'NOT_FOUND' : 'INTERNAL', CODE_MESSAGES[status === 404 ? 'NOT_FOUND' : 'INTERNAL']!, {});
  const fields: Record<string, string> = {};
  for (const d of (error.details ?? []) as FieldProblem[]) {
    const name = fieldName(d.field);
    // the API's message is Chinese first, English in brackets: people read the Chinese part
    fields[name] = (fields[name] ? fields[name] + '；' : '') + chinese(d.problem);
  }
  // The API's own message says what to do when it is in Chinese ("请先填写单位资料"); a validation failure with field
  // problems says so in general, the details stand under their fields.
  const own = chinese(error.message);
  const useOwn = /[\u4e00-\u9fff]/.test(own) && !(error.code === 'VALIDATION_FAILED' && Object.keys(fields).length > 0);
  return new ApiError(status, error.code, useOwn ? own : CODE_MESSAGES[error.code] ?? own, fields);
}

/** "中文 (english): 值" → "中文: 值"; a text with no Chinese before its brackets stays as it is. */
export function chinese(text: string): string {
  const m = /^([^()]*[\u4e00-\u9fff][^()]*?)\s*\([^()]*\)(.*)$/.exec(text);
  return m ? (m[1]! + m[2]!).trim() : text;
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = currentToken();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  async onResponse({ response }) {
    if (response.status === 401) await signIn(location.pathname + location.search);
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: API_BASE });
api.use(auth);

/** The data of a call, or an ApiError (a network failure counts as unavailable: the form keeps what was typed). */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await request;
  } catch {
    throw new ApiError(0, 'UNAVAILABLE', CODE_MESSAGES.UNAVAILABLE!, {});
  }
  if (!result.response.ok) throw toApiError(result.response.status, result.error);
  return result.data as T;
}

/** One key per user action, kept across retries of that action, so a retried POST is applied once. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
