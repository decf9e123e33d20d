/**
 * WeChat's server APIs through the official cloud-call route (云调用): `wx-server-sdk`'s
 * `cloud.openapi`, which needs no access token or secret, only the API named under
 * `permissions.openapi` in the function's config.json (subscribeMessage.send, security.msgSecCheck,
 * security.mediaCheckAsync). `cloud.init` runs on first use, never at import, so that loading a
 * function touches no network. The SDK converts camelCase keys to WeChat's snake_case and back.
 */
import type * as WxServerSdk from 'wx-server-sdk';
import type { Notifier, Security, SendResult, TextVerdict } from '../../_core/ports';

/** The part of `cloud.openapi` used here, typed structurally so that tests can hand in a recorder. */
export interface WechatOpenApi {
  subscribeMessage: { send(data: Record<string, unknown>): Promise<unknown> };
  security: {
    msgSecCheck(data: Record<string, unknown>): Promise<{ result?: { suggest?: string; label?: number } }>;
    mediaCheckAsync(data: Record<string, unknown>): Promise<{ traceId?: string }>;
  };
}

let cloud: typeof WxServerSdk | null = null;

/**
 * `cloud.openapi`, initialised for the environment the function runs in. wx-server-sdk is required
 * here, on first use, not at import: a function that never sends or checks (most calls) does not
 * pay for loading it.
 */
export const wechatOpenApi = (): WechatOpenApi => {
  if (!cloud) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    cloud = require('wx-server-sdk') as typeof WxServerSdk;
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  }
  return cloud.openapi as unknown as WechatOpenApi;
};

/** wx-server-sdk rejects with `{errCode, errMsg}` for WeChat's errors (43101, 47003, -604101 …). */
const failure = (e: unknown): { code: number; message: string } => {
  const err = e as { errCode?: unknown; errMsg?: unknown; message?: unknown };
  const code = typeof err?.errCode === 'number' ? err.errCode : -1;
  const message = typeof err?.errMsg === 'string' ? err.errMsg : typeof err?.message === 'string' ? err.message : String(e);
  return { code, message };
};

export const createWechatNotifier = (openapi: () => WechatOpenApi = wechatOpenApi): Notifier => ({
  async send(m): Promise<SendResult> {
    try {
      await openapi().subscribeMessage.send({ touser: m.touser, templateId: m.templateId, page: m.page, data: m.data, miniprogramState: m.miniprogramState, lang: 'zh_CN' });
      return { ok: true };
    } catch (e) {
      return { ok: false, ...failure(e) };
    }
  },
});

/** v1's answer for risky text; v2 answers in `result.suggest`, but the code may still come back. */
const RISKY_CONTENT = 87014;

/**
 * `tempUrl` turns a `cloud://` file id into the URL WeChat fetches the image from (cloud storage's
 * temporary URL, valid long enough for the check).
 */
export const createWechatSecurity = (tempUrl: (fileId: string) => Promise<string | null>, openapi: () => WechatOpenApi = wechatOpenApi): Security => ({
  async checkText({ content, scene, openid }): Promise<TextVerdict> {
    try {
      const answer = await openapi().security.msgSecCheck({ content, version: 2, scene, openid });
      const suggest = answer.result?.suggest;
      return { suggest: suggest === 'risky' || suggest === 'review' ? suggest : 'pass', label: answer.result?.label ?? 100 };
    } catch (e) {
      if (failure(e).code === RISKY_CONTENT) return { suggest: 'risky', label: 0 };
      throw e;
    }
  },
  async submitImage({ fileId, scene, openid }) {
    const mediaUrl = fileId.startsWith('cloud://') ? await tempUrl(fileId) : fileId;
    if (!mediaUrl) throw new Error(`no URL for ${fileId}`);
    const answer = await openapi().security.mediaCheckAsync({ mediaUrl, mediaType: 2, version: 2, scene, openid });
    if (!answer.traceId) throw new Error('mediaCheckAsync answered no trace id');
    return { traceId: answer.traceId };
  },
});
