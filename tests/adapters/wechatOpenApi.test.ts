/**
 * The WeChat adapters on a recording stand-in for `cloud.openapi`: what they send (the arguments
 * wx-server-sdk converts to WeChat's snake_case) and how WeChat's answers and errors map onto the
 * ports. The cloud-call route itself (protobuf over the gateway) is exercised by the bundles test.
 */
import { execFileSync } from 'node:child_process';
import { createWechatNotifier, createWechatSecurity, type WechatOpenApi } from '../../cloudfunctions/_adapters/cloudbase/wechatOpenApi';
import type { SubscribeMessage } from '../../cloudfunctions/_core/ports';

const recorder = (answers: Partial<Record<'send' | 'msgSecCheck' | 'mediaCheckAsync', () => Promise<unknown>>> = {}) => {
  const calls: Array<[string, Record<string, unknown>]> = [];
  const api: WechatOpenApi = {
    subscribeMessage: { send: async (d) => (calls.push(['subscribeMessage.send', d]), answers.send ? answers.send() : { errCode: 0 }) },
    security: {
      msgSecCheck: async (d) => (calls.push(['security.msgSecCheck', d]), (answers.msgSecCheck ? answers.msgSecCheck() : { result: { suggest: 'pass', label: 100 } }) as never),
      mediaCheckAsync: async (d) => (calls.push(['security.mediaCheckAsync', d]), (answers.mediaCheckAsync ? answers.mediaCheckAsync() : { traceId: 'trace-1' }) as never),
    },
  };
  return { calls, api: () => api };
};

const message: SubscribeMessage = {
  touser: 'o-openid',
  templateId: 'tmpl-1',
  page: 'pages/orders/detail?id=o1',
  data: { thing1: { value: '小家电维修' } },
  miniprogramState: 'formal',
  meta: { event: 'order_accepted', userId: 'u1', communityId: 'c1', messageId: 'm1' },
};

test('a subscribe message goes out with its template, page and data, without the meta', async () => {
  const r = recorder();
  expect(await createWechatNotifier(r.api).send(message)).toEqual({ ok: true });
  expect(r.calls).toEqual([
    ['subscribeMessage.send', { touser: 'o-openid', templateId: 'tmpl-1', page: 'pages/orders/detail?id=o1', data: { thing1: { value: '小家电维修' } }, miniprogramState: 'formal', lang: 'zh_CN' }],
  ]);
});

test('WeChat’s error codes come back as failures, never as exceptions', async () => {
  const refused = recorder({ send: () => Promise.reject({ errCode: 43101, errMsg: 'user refuse to accept the msg' }) });
  expect(await createWechatNotifier(refused.api).send(message)).toEqual({ ok: false, code: 43101, message: 'user refuse to accept the msg' });
  const down = recorder({ send: () => Promise.reject(new Error('socket hang up')) });
  expect(await createWechatNotifier(down.api).send(message)).toEqual({ ok: false, code: -1, message: 'socket hang up' });
});

test('text is checked with msgSecCheck v2, the scene and the author’s openid', async () => {
  const r = recorder({ msgSecCheck: async () => ({ result: { suggest: 'risky', label: 20001 } }) });
  expect(await createWechatSecurity(async () => null, r.api).checkText({ content: '文字', scene: 3, openid: 'o-author' })).toEqual({ suggest: 'risky', label: 20001 });
  expect(r.calls).toEqual([['security.msgSecCheck', { content: '文字', version: 2, scene: 3, openid: 'o-author' }]]);
  // v1's code for risky content is still risky; any other failure is the check not running.
  const v1 = recorder({ msgSecCheck: () => Promise.reject({ errCode: 87014, errMsg: 'risky content' }) });
  expect(await createWechatSecurity(async () => null, v1.api).checkText({ content: 'x', scene: 2, openid: 'o' })).toEqual({ suggest: 'risky', label: 0 });
  const down = recorder({ msgSecCheck: () => Promise.reject({ errCode: -604101, errMsg: 'no permission' }) });
  await expect(createWechatSecurity(async () => null, down.api).checkText({ content: 'x', scene: 2, openid: 'o' })).rejects.toMatchObject({ errCode: -604101 });
});

test('an image is checked by its temporary URL, asynchronously, and answers its trace id', async () => {
  const r = recorder();
  const security = createWechatSecurity(async (fileId) => `https://tmp.example/${encodeURIComponent(fileId)}`, r.api);
  expect(await security.submitImage({ fileId: 'cloud://env.bucket/photos/a.png', scene: 4, openid: 'o-author' })).toEqual({ traceId: 'trace-1' });
  expect(r.calls).toEqual([
    ['security.mediaCheckAsync', { mediaUrl: 'https://tmp.example/cloud%3A%2F%2Fenv.bucket%2Fphotos%2Fa.png', mediaType: 2, version: 2, scene: 4, openid: 'o-author' }],
  ]);
  await expect(createWechatSecurity(async () => null, r.api).submitImage({ fileId: 'cloud://gone.png', scene: 4, openid: 'o' })).rejects.toThrow('no URL');
});

test('loading the adapter (and wx-server-sdk) touches no network and needs no credentials', () => {
  // A process of its own, with no route out: requiring must neither throw nor hang.
  const out = execFileSync(process.execPath, ['-e', "require('wx-server-sdk'); console.log('loaded')"], { env: { PATH: process.env.PATH ?? '' } as unknown as NodeJS.ProcessEnv, timeout: 10_000 }).toString();
  expect(out.trim()).toBe('loaded');
});
