import * as tcb from '@cloudbase/node-sdk';
import type { FunctionName } from '../../../types/api';
import type { Envelope } from '../../../types/errors';
import { systemClock, type Ports } from '../../_core/ports';
import { createHandler, type FunctionDefinition, type FunctionHandler } from '../../_core/runtime/defineFunction';
import { randomId } from '../../_core/runtime/ids';
import { cloudbaseOpenid, openCloudbase } from './cloudbaseIdentity';
import { createCloudbaseStore } from './cloudbaseStore';

/**
 * The caller's openid for this invocation, from the context the platform passes to `main`
 * (safe when an instance serves several invocations), else from the SDK's environment view.
 */
const openidOf = (app: tcb.CloudBase, context: unknown): string | null => {
  const fromContext = tcb.getCloudbaseContext(context as never).WX_OPENID;
  return fromContext ? fromContext : cloudbaseOpenid(app);
};

/** Binds a domain function to CloudBase: `exports.main = cloudbaseMain(usersFunction)`. */
export const cloudbaseMain = <F extends FunctionName>(definition: FunctionDefinition<F>) => {
  let bound: { app: tcb.CloudBase; handler: FunctionHandler } | null = null;
  return async (event: unknown, context: unknown): Promise<Envelope<unknown>> => {
    if (!bound) {
      // Opened on the first invocation, then reused while the instance stays warm.
      const { app, db } = openCloudbase();
      const ports: Ports = { store: createCloudbaseStore(db), clock: systemClock, newId: () => randomId() };
      bound = { app, handler: createHandler(definition, ports) };
    }
    return bound.handler(event, { openid: openidOf(bound.app, context) });
  };
};
