import * as tcb from '@cloudbase/node-sdk';
import { openidFromContext } from '../../cloudfunctions/_adapters/cloudbase/cloudbaseIdentity';

describe('the caller, from the invocation context only', () => {
  test('the current runtime: `environment` is a JSON object string carrying WX_OPENID', () => {
    expect(openidFromContext({ request_id: 'r1', environment: JSON.stringify({ WX_OPENID: 'oAbc123', WX_APPID: 'wx1' }) })).toBe('oAbc123');
  });

  test('the older runtime: `environ` is k=v;k=v', () => {
    expect(openidFromContext({ environ: 'WX_APPID=wx1;WX_OPENID=oOld456;WX_UNIONID=' })).toBe('oOld456');
  });

  test('no openid (timer, console, another function) is no identity', () => {
    expect(openidFromContext({ environment: JSON.stringify({ WX_OPENID: '' }) })).toBeNull();
    expect(openidFromContext({ environ: 'TCB_ENV=e1' })).toBeNull();
    expect(openidFromContext({})).toBeNull();
    expect(openidFromContext(undefined)).toBeNull();
    expect(openidFromContext({ environment: '{not json' })).toBeNull();
  });

  test('never from the process environment, where the SDK would look as a fallback', () => {
    const before = process.env.WX_OPENID;
    process.env.WX_OPENID = 'oFromProcess';
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID';
    try {
      expect(openidFromContext({ environment: JSON.stringify({ WX_APPID: 'wx1' }) })).toBeNull();
      // What the SDK's own reader would have answered: the process's openid, for any caller.
      expect(tcb.getCloudbaseContext({ environment: JSON.stringify({ WX_APPID: 'wx1' }) } as never).WX_OPENID).toBe('oFromProcess');
    } finally {
      if (before === undefined) delete process.env.WX_OPENID;
      else process.env.WX_OPENID = before;
      delete process.env.WX_CONTEXT_KEYS;
    }
  });
});
