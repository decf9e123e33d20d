/**
 * Subscribe messages (订阅消息) in the mini-program. WeChat asks the user only from a tap, and the
 * template ids must be at hand at that moment (an await before the ask loses the tap):
 * - `loadSubscribeTemplates()` reads this deployment's ids per tap once (at app start or when a
 *   page shows) and keeps them;
 * - `askToSubscribe(moment)` is the first thing a tap handler calls, before it awaits anything; it
 *   asks with `Taro.requestSubscribeMessage`, reports the accepted ids to the server (each allows
 *   one message) and resolves to them. It never rejects and never holds up the action: a user who
 *   says no, an old client or a network fault still orders, claims or signs up.
 *
 * In the browser (local mode) there is no WeChat to ask: every ask counts as accepted, so that the
 * local outbox shows the messages the events would send.
 */
import Taro from '@tarojs/taro';
import { MAX_TEMPLATES_PER_REQUEST, type SubscribeMoment } from '../../types/constants/subscribe';
import type { SubscribeTemplatesOutput } from '../../types/subscribe';
import { call } from './transport';

let templates: SubscribeTemplatesOutput | null = null;
let loading: Promise<SubscribeTemplatesOutput | null> | null = null;

/** Reads (once) which templates each tap asks for; null when they could not be read. */
export const loadSubscribeTemplates = (): Promise<SubscribeTemplatesOutput | null> => {
  if (templates) return Promise.resolve(templates);
  loading ??= call('users', 'subscribeTemplates', {}).then(
    (answer) => (templates = answer),
    () => {
      loading = null;
      return null;
    },
  );
  return loading;
};

/** The ids a tap asks for, if they are loaded (at most WeChat's limit per ask). */
export const templatesFor = (moment: SubscribeMoment): string[] => (templates?.moments[moment] ?? []).slice(0, MAX_TEMPLATES_PER_REQUEST);

const ask = (ids: string[]): Promise<Record<string, string>> =>
  process.env.TARO_ENV === 'weapp'
    ? (Taro.requestSubscribeMessage({ tmplIds: ids } as Taro.requestSubscribeMessage.Option) as Promise<Record<string, string>>)
    : Promise.resolve(Object.fromEntries(ids.map((id) => [id, 'accept'])));

/**
 * Asks consent for the messages a tap leads to and reports what the user accepted. Call it first
 * in the tap handler, without awaiting it before: `const consent = askToSubscribe('submitOrder');`
 * then the action; `await consent` only if the page wants to show the result.
 */
export const askToSubscribe = (moment: SubscribeMoment): Promise<string[]> => {
  const ids = templatesFor(moment);
  if (ids.length === 0) {
    void loadSubscribeTemplates();
    return Promise.resolve([]);
  }
  return ask(ids)
    .then((answer) => ids.filter((id) => answer[id] === 'accept'))
    .catch(() => [] as string[])
    .then(async (accepted) => {
      if (accepted.length === 0) return accepted;
      try {
        await call('users', 'reportSubscribe', { accepted });
        return accepted;
      } catch {
        return [];
      }
    });
};

/** Forgets the loaded ids (tests; a logout). */
export const resetSubscribeTemplates = (): void => {
  templates = null;
  loading = null;
};
