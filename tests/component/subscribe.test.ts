/**
 * The subscribe-message helper: the ids are loaded before the tap; on the tap WeChat is asked at
 * once (nothing awaited first), the accepted ids are reported, and nothing the user or the network
 * does makes the action fail.
 */
import Taro from '@tarojs/taro';
import { resetTaroMock } from './mocks/taro';
import { askToSubscribe, loadSubscribeTemplates, resetSubscribeTemplates, templatesFor } from '../../src/services/subscribe';

const originalEnv = process.env.TARO_ENV;
const templates = {
  moments: { submitOrder: ['T-accepted', 'T-completed'], takeOrder: ['T-assigned'], claimWish: ['T-assigned'], postWish: [], signUp: ['a', 'b', 'c', 'd'], subscribeMenus: ['T-menu'] },
  events: [],
};

type Sent = { fn: string; action: string; data: unknown };
let sent: Sent[];
const gateway = (reportFails = false) => {
  sent = [];
  global.fetch = jest.fn(async (url: string, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { action: string; data: unknown };
    sent.push({ fn: url.replace('/api/', ''), action: body.action, data: body.data });
    if (body.action === 'subscribeTemplates') return { status: 200, json: async () => ({ ok: true, data: templates }) } as Response;
    if (reportFails) return { status: 500, json: async () => ({ error: 'down' }) } as Response;
    return { status: 200, json: async () => ({ ok: true, data: { balances: [] } }) } as Response;
  }) as unknown as typeof fetch;
};
/** The weapp transport goes through Taro.cloud.callFunction: answered by the same gateway. */
const cloud = () => {
  Taro.cloud = {
    init: jest.fn(),
    callFunction: jest.fn(async ({ name, data }: { name: string; data: { action: string; data: unknown } }) => {
      const response = await fetch(`/api/${name}`, { method: 'POST', body: JSON.stringify(data) });
      return { result: await response.json() };
    }),
  } as unknown as typeof Taro.cloud;
};

beforeEach(() => {
  resetTaroMock();
  resetSubscribeTemplates();
});
afterEach(() => {
  process.env.TARO_ENV = originalEnv;
});

describe('in WeChat', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
    gateway();
    cloud();
  });

  it('asks for the tap’s templates at once and reports the accepted ones', async () => {
    await loadSubscribeTemplates();
    (Taro.requestSubscribeMessage as jest.Mock).mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', 'T-accepted': 'accept', 'T-completed': 'reject' });
    const consent = askToSubscribe('submitOrder');
    // Asked synchronously, within the tap.
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['T-accepted', 'T-completed'] });
    await expect(consent).resolves.toEqual(['T-accepted']);
    expect(sent.filter((s) => s.action === 'reportSubscribe')).toEqual([{ fn: 'users', action: 'reportSubscribe', data: { accepted: ['T-accepted'] } }]);
  });

  it('asks for at most 3 templates in one tap (WeChat’s limit)', async () => {
    await loadSubscribeTemplates();
    expect(templatesFor('signUp')).toEqual(['a', 'b', 'c']);
  });

  it('reports nothing when the user says no, and never rejects', async () => {
    await loadSubscribeTemplates();
    (Taro.requestSubscribeMessage as jest.Mock).mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', 'T-assigned': 'reject' });
    await expect(askToSubscribe('takeOrder')).resolves.toEqual([]);
    (Taro.requestSubscribeMessage as jest.Mock).mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture' });
    await expect(askToSubscribe('takeOrder')).resolves.toEqual([]);
    expect(sent.filter((s) => s.action === 'reportSubscribe')).toEqual([]);
  });

  it('a report that fails resolves to nothing accepted', async () => {
    gateway(true);
    await loadSubscribeTemplates();
    (Taro.requestSubscribeMessage as jest.Mock).mockResolvedValueOnce({ errMsg: 'ok', 'T-menu': 'accept' });
    await expect(askToSubscribe('subscribeMenus')).resolves.toEqual([]);
  });

  it('before the ids are loaded nothing is asked (the tap is not held up); they load for the next tap', async () => {
    await expect(askToSubscribe('submitOrder')).resolves.toEqual([]);
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled();
    await loadSubscribeTemplates();
    expect(templatesFor('submitOrder')).toEqual(['T-accepted', 'T-completed']);
    // Loaded once.
    await loadSubscribeTemplates();
    expect(sent.filter((s) => s.action === 'subscribeTemplates')).toHaveLength(1);
  });

  it('a moment without templates in this deployment asks nothing', async () => {
    await loadSubscribeTemplates();
    await expect(askToSubscribe('postWish')).resolves.toEqual([]);
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled();
  });
});

describe('in the browser (local mode)', () => {
  it('every ask counts as accepted, so the local outbox shows what would be sent', async () => {
    process.env.TARO_ENV = 'h5';
    gateway();
    await loadSubscribeTemplates();
    await expect(askToSubscribe('takeOrder')).resolves.toEqual(['T-assigned']);
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled();
    expect(sent.at(-1)).toEqual({ fn: 'users', action: 'reportSubscribe', data: { accepted: ['T-assigned'] } });
  });
});

describe('the local outbox page’s data', () => {
  it('is read with the session token, newest first as the gateway answers', async () => {
    const { listOutbox, setToken } = await import('../../src/services');
    setToken('staff.token');
    const fetchMock = jest.fn(async () => ({ ok: true, status: 200, json: async () => ({ items: [{ event: 'order_accepted' }] }) }) as unknown as Response);
    global.fetch = fetchMock as unknown as typeof fetch;
    await expect(listOutbox()).resolves.toEqual([{ event: 'order_accepted' }]);
    expect(fetchMock).toHaveBeenCalledWith('/api/dev/outbox', { headers: { Authorization: 'Bearer staff.token' } });
  });
});
