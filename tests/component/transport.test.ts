/**
 * The transport's two edges: the local gateway over fetch (h5) and WeChat's callFunction (weapp).
 * Both are outside the app, so stand-ins answer here; the envelope handling is what is tested.
 */
import Taro from '@tarojs/taro';
import { resetTaroMock } from './mocks/taro';
import { ApiCallError, call, getToken, newRequestId, setToken } from '../../src/services';

const originalEnv = process.env.TARO_ENV;

const respond = (status: number, body: unknown) =>
  jest.fn(async (_url: string, _init?: RequestInit) => ({ status, ok: status < 400, json: async () => body }) as unknown as Response);

beforeEach(() => resetTaroMock());
afterEach(() => {
  process.env.TARO_ENV = originalEnv;
});

describe('call() in the browser (local gateway)', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'h5';
  });

  it('posts the function event with the bearer token and returns the data', async () => {
    setToken('tok.sig');
    const fetchMock = respond(200, { ok: true, data: { items: [] } });
    global.fetch = fetchMock as unknown as typeof fetch;

    await expect(call('orders', 'listItemsAdmin', { status: 'draft' }, { requestId: 'req-12345678' })).resolves.toEqual({ items: [] });

    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/orders');
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer tok.sig');
    expect(JSON.parse(init?.body as string)).toEqual({ action: 'listItemsAdmin', data: { status: 'draft' }, requestId: 'req-12345678' });
  });

  it('sends no Authorization header without a session', async () => {
    const fetchMock = respond(200, { ok: true, data: { user: null } });
    global.fetch = fetchMock as unknown as typeof fetch;
    await call('users', 'me', {});
    expect((fetchMock.mock.calls[0][1]?.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it('throws the envelope’s error as an ApiCallError with code and fields', async () => {
    global.fetch = respond(200, {
      ok: false,
      error: { code: 'VALIDATION', message: '提交的信息有误', fields: { phone: '请填写11位手机号' } },
    }) as unknown as typeof fetch;

    const error = await call('users', 'register', { communityId: 'c', name: 'a', phone: '1', building: 'b', room: 'r' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({ code: 'VALIDATION', message: '提交的信息有误', fields: { phone: '请填写11位手机号' } });
  });

  it('drops an expired session on 401 and reports UNAUTHENTICATED', async () => {
    setToken('old.sig');
    global.fetch = respond(401, { error: '登录已失效，请重新登录' }) as unknown as typeof fetch;
    await expect(call('users', 'me', {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' });
    expect(getToken()).toBeNull();
  });

  it('reports a network failure in Chinese', async () => {
    global.fetch = jest.fn(() => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch;
    await expect(call('users', 'me', {})).rejects.toMatchObject({ code: 'INTERNAL', message: '网络异常，请检查网络后重试' });
  });

  it('refuses an answer that is not an envelope', async () => {
    global.fetch = respond(200, { hello: 'world' }) as unknown as typeof fetch;
    await expect(call('users', 'me', {})).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});

describe('call() in the mini-program (cloud functions)', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
  });

  it('calls the function by name with the same event and unwraps the result', async () => {
    const callFunction = jest.fn(async () => ({ result: { ok: true, data: { sections: [] } } }));
    Taro.cloud = { init: jest.fn(), callFunction } as unknown as typeof Taro.cloud;

    await expect(call('orders', 'listMenu', { kind: 'featured' })).resolves.toEqual({ sections: [] });
    expect(callFunction).toHaveBeenCalledWith({ name: 'orders', data: { action: 'listMenu', data: { kind: 'featured' } } });
  });

  it('maps a failed invocation to a Chinese network error', async () => {
    Taro.cloud = { init: jest.fn(), callFunction: jest.fn(async () => Promise.reject(new Error('cloud.callFunction:fail'))) } as unknown as typeof Taro.cloud;
    await expect(call('users', 'me', {})).rejects.toMatchObject({ code: 'INTERNAL', message: '网络异常，请检查网络后重试' });
  });
});

describe('newRequestId', () => {
  it('is long enough for FunctionEvent and unique per intent', () => {
    const ids = new Set(Array.from({ length: 500 }, newRequestId));
    expect(ids.size).toBe(500);
    for (const id of ids) expect(id.length).toBeGreaterThanOrEqual(8);
  });
});
