import * as tcb from '@cloudbase/node-sdk';
import { cloudbaseOpenid } from '../../cloudfunctions/_adapters/cloudbase/cloudbaseIdentity';

const appWith = (openId: string | undefined) => ({ auth: () => ({ getUserInfo: () => ({ openId }) }) });

describe('cloudbase identity', () => {
  test('the openid the platform injected is the caller', () => {
    expect(cloudbaseOpenid(appWith('oAbc123'))).toBe('oAbc123');
  });

  test('no openid (timer, console, another function) is no identity', () => {
    expect(cloudbaseOpenid(appWith(''))).toBeNull();
    expect(cloudbaseOpenid(appWith(undefined))).toBeNull();
  });

  test('the SDK exports the current-environment symbol that openCloudbase passes to init', () => {
    expect(typeof tcb.SYMBOL_CURRENT_ENV).toBe('symbol');
    expect(tcb.SYMBOL_CURRENT_ENV).toBe(Symbol.for('SYMBOL_CURRENT_ENV'));
    expect(typeof tcb.init).toBe('function');
  });
});
