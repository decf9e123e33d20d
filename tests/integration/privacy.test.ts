/**
 * No resident's full name, phone or address in anything another resident or member can read,
 * timelines included, except where PRODUCT.md says they may see it: the member an order is
 * assigned to sees its address and phone while it is in their hands (and keeps the name), the
 * member holding a wish claim sees the beneficiary's phone. Members' names are public (先锋榜).
 * Every view another person can open is read here, as each other resident and member, and scanned.
 */
import { DEMO_USERS } from '../../cloudfunctions/_local/demoData';
import { addUsers, openHarness, type DemoKey, type Harness } from '../support/harness';
import { itemByTitle, orderForm, requestId } from '../support/orderFixtures';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(() => h.close());

const ADDRESS = '9号楼9单元909';

type Secret = { owner: DemoKey; text: string; what: string };
const secrets: Secret[] = DEMO_USERS.filter((u) => u.role === 'resident' || u.role === 'member').flatMap((u) => [
  ...(u.role === 'resident' ? [{ owner: u.key as DemoKey, text: u.name, what: 'name' }] : []),
  { owner: u.key as DemoKey, text: u.phone, what: 'phone' },
  { owner: u.key as DemoKey, text: `${u.building}${u.room}`, what: 'address' },
]);

test('views that others can read carry no one else’s name, phone or address', async () => {
  // Loop 1: an order in the hall, one in the hands of member-zhang, one completed by him.
  const repair = await itemByTitle(h, '小家电维修');
  const waiting = await h.okAs('resident-sun')('orders', 'createOrder', orderForm(repair._id, { address: ADDRESS, phone: '13800000022' }), requestId());
  const taken = await h.okAs('resident-zhou')('orders', 'createOrder', orderForm(repair._id, { address: ADDRESS, phone: '13800000023' }), requestId());
  await h.okAs('member-zhang')('orders', 'grabOrder', { orderId: taken._id });
  // Loop 2: a wish staff posted for the elderly resident, on the wall, claimed by member-liu.
  const wish = await h.okAs('staff-li')('wishes', 'postWish', { beneficiaryType: 'elderly', kind: 'companion', title: '想有人陪我聊聊天', content: '一个人在家，想有人陪着说说话。', value: 0, deadline: '2026-12-31', onBehalfOf: h.userId('resident-zhao') }, requestId());
  await h.okAs('staff-li')('wishes', 'reviewWish', { wishId: wish._id, approve: true });
  const other = await h.okAs('resident-wu')('wishes', 'postWish', { beneficiaryType: 'child', kind: 'material', title: '一个新书包', content: '孩子的书包坏了。', value: 80, deadline: '2026-12-31' }, requestId());
  await h.okAs('staff-li')('wishes', 'reviewWish', { wishId: other._id, approve: true });
  await h.okAs('member-liu')('wishes', 'claimWish', { wishId: wish._id });
  await addUsers(h, 1, { role: 'resident', prefix: 'onlooker' });

  type View = { name: string; by: DemoKey; data: unknown; allowed: Array<Secret['owner']> };
  const views: View[] = [];
  const viewers: DemoKey[] = ['resident-sun', 'resident-zhou', 'resident-wu', 'resident-zheng', 'member-zhang', 'member-liu', 'member-chen'];
  for (const by of viewers) {
    const as = h.okAs(by);
    const role = DEMO_USERS.find((u) => u.key === by)!.role;
    const add = (name: string, data: unknown, allowed: DemoKey[] = []) => views.push({ name, by, data, allowed: [by, ...allowed] });
    add('wishes.wishWall', await as('wishes', 'wishWall', {}));
    add('wishes.wishWall claimed', await as('wishes', 'wishWall', { status: 'claimed' }), by === 'member-liu' ? ['resident-zhao'] : []);
    // The claimer may call the beneficiary (to deliver); nobody else.
    add('wishes.getWish (proxy)', await as('wishes', 'getWish', { wishId: wish._id }), by === 'member-liu' ? ['resident-zhao'] : []);
    add('wishes.getWish', await as('wishes', 'getWish', { wishId: other._id }));
    add('activities.monthMenu', await as('activities', 'monthMenu', {}));
    add('points.leaderboard', await as('points', 'leaderboard', { period: 'month' }));
    add('orders.listMenu', await as('orders', 'listMenu', {}));
    if (role === 'member') {
      add('orders.taskHall', await as('orders', 'taskHall', {}));
      add('orders.getOrder (hall)', await as('orders', 'getOrder', { orderId: waiting._id }));
      add('orders.myTasks', await as('orders', 'myTasks', {}), by === 'member-zhang' ? ['resident-zhou'] : []);
      add('wishes.myClaims', await as('wishes', 'myClaims', {}), by === 'member-liu' ? ['resident-zhao'] : []);
    }
    add('users.listMessages', await as('users', 'listMessages', {}));
  }

  const leaks: string[] = [];
  for (const view of views) {
    const text = JSON.stringify(view.data);
    for (const s of secrets) {
      if (view.allowed.includes(s.owner)) continue;
      // Addresses typed into orders belong to the residents who ordered.
      if (text.includes(s.text)) leaks.push(`${view.name} as ${view.by}: ${s.what} of ${s.owner}`);
    }
    if (text.includes(ADDRESS) && !(view.by === 'member-zhang' && view.name === 'orders.myTasks')) leaks.push(`${view.name} as ${view.by}: an order's address`);
  }
  expect(views.length).toBeGreaterThan(60);
  expect(leaks).toEqual([]);
});
