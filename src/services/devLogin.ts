import type { Role } from '../../types/users';
import { ApiCallError } from './apiCallError';
import { getToken } from './session';

/** A demo account as the local gateway lists it (local mode only). */
export interface DemoAccount {
  id: string;
  name: string;
  role: Role;
  roleLabel: string;
  communityName: string;
  elderly: boolean;
}

export interface DevLoginAnswer {
  token: string;
  user: { id: string; name: string; role: Role } | null;
}

const readJson = async <T>(response: Response): Promise<T> => {
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (body as { error?: unknown } | null)?.error;
    throw new ApiCallError({ code: 'INTERNAL', message: typeof message === 'string' ? message : '演示登录暂不可用' });
  }
  return body as T;
};

const NETWORK = new ApiCallError({ code: 'INTERNAL', message: '无法连接本地服务，请确认已运行 npm start' });

export const listDemoAccounts = async (): Promise<DemoAccount[]> => {
  const response = await fetch('/api/dev/users').catch(() => {
    throw NETWORK;
  });
  return readJson<DemoAccount[]>(response);
};

/** `{userId}` signs in as a demo account; `{newUser: true}` as a WeChat user who has not registered. */
export const devLogin = async (body: { userId: string } | { newUser: true }): Promise<DevLoginAnswer> => {
  const response = await fetch('/api/dev/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  }).catch(() => {
    throw NETWORK;
  });
  return readJson<DevLoginAnswer>(response);
};

/** One subscribe message the local outbox recorded (what WeChat would have been sent). */
export interface OutboxItem {
  at: number;
  event: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  userId: string;
  /** The recipient's name, as the gateway reads it (the openid never leaves the server). */
  userName?: string;
  communityId: string;
  messageId: string;
  result: { ok: true } | { ok: false; code: number; message: string };
}

/**
 * The local outbox, newest first (local mode only; staff see their community's, the admin all):
 * the stand-in for what would have gone to WeChat as subscribe messages.
 */
export const listOutbox = async (): Promise<OutboxItem[]> => {
  const token = getToken();
  const response = await fetch('/api/dev/outbox', { headers: token ? { Authorization: `Bearer ${token}` } : {} }).catch(() => {
    throw NETWORK;
  });
  return (await readJson<{ items: OutboxItem[] }>(response)).items;
};
