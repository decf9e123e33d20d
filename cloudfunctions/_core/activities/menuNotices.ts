import { notifyAll } from '../messages/notify';
import { cmd } from '../store/port';
import type { Ports } from '../ports';
import type { ActivityMenuDoc, MenuSubscriptionDoc } from './activityDocs';

const PAGE = 1000;

/**
 * Tells every subscribed resident of the community that the month's menu is out. Each notice's id
 * derives from the menu and its publishing time, so a repeat writes nothing new.
 */
export const notifySubscribers = async (ports: Ports, menu: ActivityMenuDoc): Promise<number> => {
  if (menu.status !== 'published' || menu.publishedAt === null) return 0;
  const activities = await ports.store.count('activities', { menuId: menu._id });
  let sent = 0;
  for (let after: string | null = null; ; ) {
    const page: MenuSubscriptionDoc[] = await ports.store.find<MenuSubscriptionDoc>(
      'activity_subscriptions',
      { communityId: menu.communityId, subscribed: true, ...(after === null ? {} : { _id: cmd.gt(after) }) },
      { orderBy: [['_id', 'asc']], limit: PAGE },
    );
    after = page.length ? page[page.length - 1]._id : after;
    // One round trip per page of subscribers; ids derive from the menu, so a repeat writes nothing new.
    await notifyAll(
      ports,
      page.map((sub) => ({
        communityId: menu.communityId,
        userId: sub.userId,
        kind: 'activity_menu_published',
        title: '党群服务菜单已发布',
        body: `${menu.title}已发布，共${activities}项活动，欢迎报名参加`,
        refType: 'activity_menu',
        refId: menu._id,
        at: menu.publishedAt ?? 0,
      })),
    );
    sent += page.length;
    if (page.length < PAGE) return sent;
  }
};
