import * as tcb from '@cloudbase/node-sdk';
import type { CloudbaseDatabase } from './sdk';

/** The part of the node-sdk app that identifies the caller. */
export interface CloudbaseAuthApp {
  auth(): { getUserInfo(): { openId?: string } };
}

/**
 * The caller's openid as the platform injected it into this invocation (node-sdk reads `WX_OPENID`
 * from the function's environment). Empty when the function was not called from the mini-program
 * (a timer, the console), which is "no identity", not an identity named "".
 */
export const cloudbaseOpenid = (app: CloudbaseAuthApp): string | null => {
  const openId = app.auth().getUserInfo().openId;
  return typeof openId === 'string' && openId !== '' ? openId : null;
};

/**
 * The SDK bound to the environment the function is deployed in; credentials come from the runtime.
 * Called from a function's entry, never at import, so that loading a module touches no network.
 */
export const openCloudbase = (): { app: tcb.CloudBase; db: CloudbaseDatabase } => {
  const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  return { app, db: app.database() };
};
