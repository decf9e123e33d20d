import * as tcb from '@cloudbase/node-sdk';
import type { CloudbaseDatabase } from './sdk';

/**
 * The caller's openid, from the context the platform hands to this invocation's `main`: its
 * `environment` (a JSON object, current runtime) or `environ` (`k=v;k=v`, older runtime) carries
 * WX_OPENID for calls from the mini-program. Nothing else is trusted: not the event, and not the
 * process environment (an instance serves many invocations; a variable could belong to another).
 * Empty or absent means no identity (a timer, the console, another function).
 */
export const openidFromContext = (context: unknown): string | null => {
  if (typeof context !== 'object' || context === null) return null;
  const { environment, environ } = context as { environment?: unknown; environ?: unknown };
  let openid: unknown;
  if (typeof environment === 'string' && environment !== '') {
    try {
      openid = (JSON.parse(environment) as Record<string, unknown>).WX_OPENID;
    } catch {
      return null;
    }
  } else if (typeof environment === 'object' && environment !== null) {
    openid = (environment as Record<string, unknown>).WX_OPENID;
  } else if (typeof environ === 'string') {
    const pair = environ.split(';').find((p) => p.startsWith('WX_OPENID='));
    openid = pair?.slice('WX_OPENID='.length);
  }
  return typeof openid === 'string' && openid !== '' ? openid : null;
};

/**
 * The SDK bound to the environment the function is deployed in; credentials come from the runtime.
 * Called from a function's entry, never at import, so that loading a module touches no network.
 */
export const openCloudbase = (): { app: tcb.CloudBase; db: CloudbaseDatabase } => {
  const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  return { app, db: app.database() as unknown as CloudbaseDatabase };
};
