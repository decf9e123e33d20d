import { targetOf } from '../../src/packages/me/pages/messages/index';

describe('every message opens what it is about (issue 13)', () => {
  it('opens orders, tasks, wishes, activities and the month’s activity menu', () => {
    expect(targetOf({ refType: 'order', refId: 'o1', kind: 'order_completed' })).toEqual({ url: '/packages/resident-orders/pages/detail/index?id=o1', tab: false });
    expect(targetOf({ refType: 'order', refId: 'o1', kind: 'order_assigned' })).toEqual({ url: '/packages/orders-member/pages/task/index?id=o1', tab: false });
    expect(targetOf({ refType: 'wish', refId: 'w1', kind: 'wish_claimed' })).toEqual({ url: '/packages/resident-wishes/pages/detail/index?id=w1', tab: false });
    expect(targetOf({ refType: 'activity', refId: 'a1', kind: 'activity_promoted' })).toEqual({ url: '/packages/resident-activities/pages/detail/index?id=a1', tab: false });
    expect(targetOf({ refType: 'activity_menu', refId: 'm1', kind: 'activity_menu_published' })).toEqual({ url: '/pages/activities/index', tab: true });
  });
});
