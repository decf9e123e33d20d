import Taro from '@tarojs/taro';
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../types/api';
import { DEFAULT_MESSAGES, type ApiError, type Envelope, type ErrorCode } from '../../types/errors';
import { ApiCallError } from './apiCallError';
import { clearToken, getToken } from './session';

export interface CallOptions {
  /** Pass the same id when retrying one user intent (ordering, signing up) so it happens once. */
  requestId?: string;
}

interface FunctionEventBody {
  action: string;
  data: unknown;
  requestId?: string;
}

const transportError = (code: ErrorCode, message?: string): ApiCallError =>
  new ApiCallError({ code, message: message ?? DEFAULT_MESSAGES[code] });

const NETWORK_MESSAGE = '网络异常，请检查网络后重试';

const isEnvelope = (value: unknown): value is Envelope<unknown> => {
  if (!value || typeof value !== 'object') return false;
  const ok = (value as { ok?: unknown }).ok;
  if (ok === true) return 'data' in value;
  if (ok !== false) return false;
  const error = (value as { error?: Partial<ApiError> }).error;
  return !!error && typeof error.code === 'string' && typeof error.message === 'string';
};

const viaCloudFunction = async (name: string, event: FunctionEventBody): Promise<unknown> => {
  try {
    const response = await Taro.cloud.callFunction({ name, data: { ...event } });
    return response.result;
  } catch {
    throw transportError('INTERNAL', NETWORK_MESSAGE);
  }
};

/** HTTP statuses the local gateway uses for transport faults (domain refusals are 200). */
const STATUS_CODES: Record<number, ErrorCode> = { 400: 'VALIDATION', 401: 'UNAUTHENTICATED', 404: 'NOT_FOUND', 413: 'VALIDATION' };

const viaLocalGateway = async (name: string, event: FunctionEventBody): Promise<unknown> => {
  const token = getToken();
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(`/api/${name}`, { method: 'POST', headers, body: JSON.stringify(event) });
  } catch {
    throw transportError('INTERNAL', NETWORK_MESSAGE);
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.status === 200) return body;
  if (response.status === 401) clearToken();
  const message = (body as { error?: unknown } | null)?.error;
  throw transportError(STATUS_CODES[response.status] ?? 'INTERNAL', typeof message === 'string' ? message : undefined);
};

/**
 * The one way the app reaches a cloud function, typed by the contracts in types/api.ts: WeChat's
 * `callFunction` in the mini-program, the local gateway's `POST /api/<fn>` in the browser.
 * Resolves with the envelope's data; rejects with an ApiCallError.
 */
export const call = async <F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  data: ActionInput<F, A>,
  options: CallOptions = {},
): Promise<ActionOutput<F, A>> => {
  const event: FunctionEventBody = { action, data };
  if (options.requestId) event.requestId = options.requestId;
  const answer = process.env.TARO_ENV === 'weapp' ? await viaCloudFunction(fn, event) : await viaLocalGateway(fn, event);
  if (!isEnvelope(answer)) throw transportError('INTERNAL');
  if (!answer.ok) throw new ApiCallError(answer.error);
  return answer.data as ActionOutput<F, A>;
};
