/**
 * The subscribe-message vocabulary without zod: events, labels and the taps that ask for them. The
 * weapp main package (tab pages that ask consent) imports these from here so that it does not carry
 * zod; ../subscribe.ts re-exports them.
 */

/**
 * The events that go out as WeChat subscribe messages (订阅消息), named as the in-app notices that
 * carry them (MessageDoc.kind). PRODUCT.md "Messages and scheduled work".
 */
export const SUBSCRIBE_EVENTS = [
  'order_assigned',
  'order_accepted',
  'order_completed',
  'wish_claimed',
  'wish_fulfilled',
  'activity_promoted',
  'activity_reminder',
  'activity_menu_published',
] as const;
export type SubscribeEvent = (typeof SUBSCRIBE_EVENTS)[number];

export const SUBSCRIBE_EVENT_LABELS: Record<SubscribeEvent, string> = {
  order_assigned: '新的服务任务（派单或接单）',
  order_accepted: '服务已有党员接单',
  order_completed: '服务已完成',
  wish_claimed: '心愿已被认领',
  wish_fulfilled: '心愿已圆梦',
  activity_promoted: '活动候补成功',
  activity_reminder: '活动开始前24小时提醒',
  activity_menu_published: '党群服务菜单发布',
};

/**
 * The taps that precede each event: WeChat asks the user's consent only from a tap
 * (`Taro.requestSubscribeMessage`), so each tap asks for the events it leads to.
 * - submitOrder (下单): the resident is told when a member takes the order and when it is done;
 * - takeOrder (抢单, 开始服务) and claimWish (认领心愿): a member who takes work on says yes to being
 *   told of the next task dispatched to them;
 * - postWish (发布心愿): the poster is told when it is claimed and fulfilled;
 * - signUp (报名): a promotion from the waitlist and the reminder 24 h before;
 * - subscribeMenus (订阅活动菜单): the next month's menu.
 */
export const SUBSCRIBE_MOMENTS = {
  submitOrder: ['order_accepted', 'order_completed'],
  takeOrder: ['order_assigned'],
  claimWish: ['order_assigned'],
  postWish: ['wish_claimed', 'wish_fulfilled'],
  signUp: ['activity_promoted', 'activity_reminder'],
  subscribeMenus: ['activity_menu_published'],
} as const satisfies Record<string, readonly SubscribeEvent[]>;
export type SubscribeMoment = keyof typeof SUBSCRIBE_MOMENTS;
export const SUBSCRIBE_MOMENT_NAMES = Object.keys(SUBSCRIBE_MOMENTS) as SubscribeMoment[];

/** WeChat accepts at most this many template ids in one `requestSubscribeMessage`. */
export const MAX_TEMPLATES_PER_REQUEST = 3;
