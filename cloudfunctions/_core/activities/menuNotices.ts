import { notify } from '../messages/notify';
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
  for (let skip = 0; ; skip += PAGE) {
    const page = await ports.store.find<MenuSubscriptionDoc>(
      'activity_subscriptions',
      { communityId: menu.communityId, subscribed: true },
      { orderBy: [['_id', 'asc']], skip, limit: PAGE },
    );
    for (const sub of page) {
      await notify(
        ports,
        {
          communityId: menu.communityId,
          userId: sub.userId,
          kind: 'activity_menu_published',
          title: '党群服务菜单已发布',
          body: `${menu.title}已发布，共${activities}项活动，欢迎报名参加`,
          refType: 'activity_menu',
          refId: menu._id,
        },
        menu.publishedAt,
      );
      sent++;
    }
    if (page.length < PAGE) return sent;
  }
};
