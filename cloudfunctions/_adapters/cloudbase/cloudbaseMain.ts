import * as tcb from '@cloudbase/node-sdk';
import type { FunctionName } from '../../../types/api';
import type { Envelope } from '../../../types/errors';
import { subscribeConfigFrom } from '../../_core/messages/subscribeTemplates';
import { systemClock, type Ports, type Settings } from '../../_core/ports';
import { createHandler, type FunctionDefinition, type FunctionHandler } from '../../_core/runtime/defineFunction';
import { randomId } from '../../_core/runtime/ids';
import { runJobs } from '../../_core/scheduler/runJobs';
import { isMediaVerdictEvent, receiveMediaVerdict } from '../../_core/security/mediaChecks';
import { openidFromContext, openCloudbase } from './cloudbaseIdentity';
import { createCloudbaseStore } from './cloudbaseStore';
import { createCloudbaseFiles } from './cloudbaseFiles';
import { createWechatNotifier, createWechatSecurity } from './wechatOpenApi';

/** A setup code shorter than this is refused: it could be guessed. */
export const MIN_SETUP_CODE_LENGTH = 8;

/**
 * What the deploy configured, from the function's environment variables (cloudbaserc.json
 * `envVariables`, or the console): LINLI_SETUP_CODE, LINLI_SUBSCRIBE_TEMPLATES. Read once per
 * instance; a malformed value is logged and left out (setup closed, messages off).
 */
export const settingsFromEnv = (env: Record<string, string | undefined> = process.env): Settings => {
  // A `{{env.…}}` left as it is (the deploy had no value for it) is no value: it is public in the repository.
  const given = (name: string) => {
    const value = env[name]?.trim() ?? '';
    return value.includes('{{') ? '' : value;
  };
  const code = given('LINLI_SETUP_CODE');
  if (code && code.length < MIN_SETUP_CODE_LENGTH) console.error(`[settings] LINLI_SETUP_CODE 少于${MIN_SETUP_CODE_LENGTH}位，初始化已关闭`);
  const { config, errors } = subscribeConfigFrom(given('LINLI_SUBSCRIBE_TEMPLATES'));
  for (const e of errors) console.error(`[settings] ${e}`);
  return { setupCode: code.length >= MIN_SETUP_CODE_LENGTH ? code : null, subscribe: config };
};

const cloudPorts = ({ app, db }: ReturnType<typeof openCloudbase>): Ports => ({
  store: createCloudbaseStore(db),
  files: createCloudbaseFiles(app),
  clock: systemClock,
  notifier: createWechatNotifier(),
  security: createWechatSecurity(async (fileId) => (await app.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: 3600 }] })).fileList?.[0]?.tempFileURL ?? null),
  settings: settingsFromEnv(),
  newId: () => randomId(),
});

/** Binds a domain function to CloudBase: `exports.main = cloudbaseMain(usersFunction)`. */
export const cloudbaseMain = <F extends FunctionName>(definition: FunctionDefinition<F>) => {
  let bound: { app: tcb.CloudBase; handler: FunctionHandler } | null = null;
  return async (event: unknown, context: unknown): Promise<Envelope<unknown>> => {
    if (!bound) {
      // Opened on the first invocation, then reused while the instance stays warm.
      const opened = openCloudbase();
      bound = { app: opened.app, handler: createHandler(definition, cloudPorts(opened)) };
    }
    return bound.handler(event, { openid: openidFromContext(context) });
  };
};

/**
 * The timer function, and the receiver of WeChat's image verdicts (消息推送 of `wxa_media_check`
 * events, configured in the CloudBase console to this function). Only the platform runs the
 * jobs: a call from the mini-program (which carries an openid) is refused, though the jobs would
 * be harmless to repeat. A verdict is trusted only for a trace id this server submitted.
 */
export const cloudbaseScheduler = () => {
  let bound: { app: tcb.CloudBase; ports: Ports } | null = null;
  return async (event: unknown, context: unknown) => {
    if (!bound) {
      const opened = openCloudbase();
      bound = { app: opened.app, ports: cloudPorts(opened) };
    }
    if (isMediaVerdictEvent(event)) return { ok: true, data: { settled: await receiveMediaVerdict(bound.ports, event) } };
    if (openidFromContext(context)) return { ok: false, error: { code: 'FORBIDDEN', message: '定时任务只能由定时触发器运行' } };
    return { ok: true, data: await runJobs(bound.ports) };
  };
};
