import * as tcb from '@cloudbase/node-sdk';
import type { FunctionName } from '../../../types/api';
import type { Envelope } from '../../../types/errors';
import { systemClock, type Ports } from '../../_core/ports';
import { createHandler, type FunctionDefinition, type FunctionHandler } from '../../_core/runtime/defineFunction';
import { randomId } from '../../_core/runtime/ids';
import { runJobs } from '../../_core/scheduler/runJobs';
import { openidFromContext, openCloudbase } from './cloudbaseIdentity';
import { createCloudbaseStore } from './cloudbaseStore';
import { createCloudbaseFiles } from './cloudbaseFiles';

const cloudPorts = ({ app, db }: ReturnType<typeof openCloudbase>): Ports => ({
  store: createCloudbaseStore(db),
  files: createCloudbaseFiles(app),
  clock: systemClock,
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
 * The timer function. Only the platform's timer runs it: a call from the mini-program (which
 * carries an openid) is refused, though the jobs would be harmless to repeat.
 */
export const cloudbaseScheduler = () => {
  let bound: { app: tcb.CloudBase; ports: Ports } | null = null;
  return async (_event: unknown, context: unknown) => {
    if (!bound) {
      const opened = openCloudbase();
      bound = { app: opened.app, ports: cloudPorts(opened) };
    }
    if (openidFromContext(context)) return { ok: false, error: { code: 'FORBIDDEN', message: '定时任务只能由定时触发器运行' } };
    return { ok: true, data: await runJobs(bound.ports) };
  };
};
