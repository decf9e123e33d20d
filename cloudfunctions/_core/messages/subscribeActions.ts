import { SUBSCRIBE_EVENT_LABELS, SUBSCRIBE_EVENTS } from '../../../types/subscribe';
import { defineAction, type FunctionSpec } from '../runtime/defineFunction';
import { balancesView, grantConsents, loadBalances } from './subscribeBalances';
import { momentTemplates } from './subscribeTemplates';

/**
 * Subscribe message consent, in the `users` function. The mini-program reads the template ids per
 * tap once (they are configured per deployment), asks `Taro.requestSubscribeMessage` on the tap,
 * and reports the ids the user accepted; each adds one to the user's balance for that template.
 */
export const subscribeActions = {
  subscribeTemplates: {
    access: 'identified',
    async run({ ports }) {
      const config = ports.settings.subscribe;
      return {
        moments: momentTemplates(config),
        events: SUBSCRIBE_EVENTS.filter((e) => config.templates[e].templateId).map((event) => ({
          event,
          label: SUBSCRIBE_EVENT_LABELS[event],
          templateId: config.templates[event].templateId,
        })),
      };
    },
  },

  reportSubscribe: defineAction<'users', 'reportSubscribe'>()({
    access: 'registered',
    load: ({ ports, userId }) => loadBalances(ports, userId),
    async run({ ports, caller, openid, now }, input, loaded) {
      const after = await grantConsents(ports, { userId: caller.user._id, openid }, input.accepted, loaded, now);
      return balancesView(ports.settings.subscribe, after);
    },
  }),

  mySubscriptions: defineAction<'users', 'mySubscriptions'>()({
    access: 'registered',
    load: ({ ports, userId }) => loadBalances(ports, userId),
    run: async ({ ports }, _input, loaded) => balancesView(ports.settings.subscribe, loaded),
  }),
} satisfies Partial<FunctionSpec<'users'>>;
