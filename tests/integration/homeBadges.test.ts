/** users.homeBadges: the counts on the home tiles, per role, from indexed counts. */
import { openHarness, type Harness } from '../support/harness';
import { orderIn, requestId } from '../support/orderFixtures';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

const badges = (key: Parameters<Harness['okAs']>[0]) => h.okAs(key)('users', 'homeBadges', {});

test('staff see 待派单, 待审核 and pending applications; members and residents see none of those', async () => {
  expect(await badges('staff-li')).toMatchObject({ dispatch: 0, wishReview: 0, memberReview: 0, myTasks: null, taskHall: null, myClaims: null });

  await orderIn(h, 'submitted');
  await orderIn(h, 'submitted', 'resident-zhou');
  await orderIn(h, 'assigned', 'resident-wu');
  await h.okAs('resident-zhao')('wishes', 'postWish', { beneficiaryType: 'elderly', kind: 'material', title: '想要一台收音机', content: '想听戏曲广播。', value: 80, deadline: '2026-12-20' }, requestId());
  await h.okAs('resident-sun')('users', 'applyMember', { branch: '区人民医院党支部', skills: ['医疗健康'] });

  expect(await badges('staff-li')).toMatchObject({ dispatch: 2, wishReview: 1, memberReview: 1 });
  // Another community's staff count their own community only.
  expect(await badges('staff-other')).toMatchObject({ dispatch: 0, wishReview: 0, memberReview: 0 });
  expect(await badges('resident-sun')).toMatchObject({ dispatch: null, wishReview: null, memberReview: null, myTasks: null, taskHall: null, myClaims: null });
});

test('a member sees their tasks, the hall and their open claims', async () => {
  expect(await badges('member-zhang')).toMatchObject({ dispatch: null, myTasks: 0, taskHall: 0, myClaims: 0 });

  await orderIn(h, 'assigned'); // dispatched to member-zhang
  await orderIn(h, 'serving', 'resident-zhou');
  await orderIn(h, 'submitted', 'resident-wu');
  await orderIn(h, 'completed', 'resident-zheng');
  const wish = await h.okAs('resident-zhao')('wishes', 'postWish', { beneficiaryType: 'elderly', kind: 'material', title: '想要一台收音机', content: '想听戏曲广播。', value: 80, deadline: '2026-12-20' }, requestId());
  await h.okAs('staff-li')('wishes', 'reviewWish', { wishId: wish._id, approve: true });
  await h.okAs('member-zhang')('wishes', 'claimWish', { wishId: wish._id });

  expect(await badges('member-zhang')).toMatchObject({ myTasks: 2, taskHall: 1, myClaims: 1 });
  expect(await badges('member-liu')).toMatchObject({ myTasks: 0, taskHall: 1, myClaims: 0 });
});

test('everyone sees their unread messages; an unregistered caller is refused', async () => {
  await orderIn(h, 'assigned');
  const unread = (await badges('resident-sun')).unreadMessages;
  expect(unread).toBeGreaterThan(0);
  await h.okAs('resident-sun')('users', 'markMessagesRead', {});
  expect((await badges('resident-sun')).unreadMessages).toBe(0);

  const answer = await h.asOpenid('nobody-registered')('users', 'homeBadges', {});
  expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});
