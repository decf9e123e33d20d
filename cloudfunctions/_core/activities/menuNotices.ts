import { notifyAll } from '../messages/notify';
import type { Ports } from '../ports';
import { cmd } from '../store/port';
import type { ActivityMenuDoc, MenuSubscriptionDoc } from './activityDocs';

const PAGE = 1000;

const subscribersAfter = (ports: Ports, communityId: string, after: string | null) =>
  ports.store.find<MenuSubscriptionDoc>(
    'activity_subscriptions',
    { communityId, subscribed: true, ...(after === null ? {} : { _id: cmd.gt(after) }) },
    { orderBy: [['_id', 'asc']], limit: PAGE },
  );

/** The first page of a community's subscribers (read alongside other work). */
export const firstSubscribers = (ports: Ports, communityId: string) => subscribersAfter(ports, communityId, null);

/**
 * Tells every subscribed resident of the community that the month's menu is out, one round trip
 * per page of subscribers. Each notice's id derives from the menu and its publishing time, so a
 * repeat writes nothing new.
 */
export const notifySubscribers = async (ports: Ports, menu: ActivityMenuDoc, activities: number, first?: MenuSubscriptionDoc[]): Promise<number> => {
  if (menu.status !== 'published' || menu.publishedAt === null) return 0;
  let sent = 0;
  let page = first ?? (await subscribersAfter(ports, menu.communityId, null));
  for (;;) {
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
    page = await subscribersAfter(ports, menu.communityId, page[page.length - 1]._id);
  }
};
