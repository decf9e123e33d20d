import { WISH_STATUSES, type WishStatus } from '../../types/wishes';
import { abilitiesOf, autoReleaseCutoff, isPastDeadline, isVisibleTo, maskName, type Viewer } from '../../cloudfunctions/_core/wishes/wishRules';

const resident: Viewer = { userId: 'u_zhao', role: 'resident' };
const neighbour: Viewer = { userId: 'u_sun', role: 'resident' };
const staff: Viewer = { userId: 'u_li', role: 'staff' };
const claimer: Viewer = { userId: 'u_zhang', role: 'member' };
const otherMember: Viewer = { userId: 'u_liu', role: 'member' };

const wish = (status: WishStatus, over: Partial<{ claimerId: string | null; deadline: string; postedBy: string }> = {}) => ({
  residentId: 'u_zhao',
  postedBy: 'u_zhao',
  claimerId: ['claimed', 'fulfilled', 'confirmed'].includes(status) ? 'u_zhang' : null,
  status,
  deadline: '2026-12-20',
  ...over,
});
const TODAY = '2026-11-23';

describe('maskName', () => {
  test.each([
    ['王小明', '王**'],
    ['欧阳娜娜', '欧**'],
    ['李', '李**'],
    [' 赵秀兰 ', '赵**'],
    ['𠮷野家', '𠮷**'], // a character outside the BMP stays whole
  ])('%s → %s', (name, masked) => expect(maskName(name)).toBe(masked));
});

describe('visibility', () => {
  test.each(WISH_STATUSES.map((s) => [s]))('%s: the owner and staff always see it; the public only on the wall', (status) => {
    const w = wish(status);
    expect(isVisibleTo(resident, w)).toBe(true);
    expect(isVisibleTo(staff, w)).toBe(true);
    expect(isVisibleTo(neighbour, w)).toBe(['open', 'claimed', 'fulfilled', 'confirmed'].includes(status));
  });

  test('staff who posted for a resident count as the poster', () => {
    expect(isVisibleTo({ userId: 'u_li', role: 'member' }, wish('pending_review', { postedBy: 'u_li' }))).toBe(true);
  });
});

describe('deadline and 14-day rule', () => {
  test('a wish may be claimed through its deadline day', () => {
    expect(isPastDeadline('2026-11-23', TODAY)).toBe(false);
    expect(isPastDeadline('2026-11-22', TODAY)).toBe(true);
    expect(isPastDeadline('2026-12-01', '2026-11-30')).toBe(false);
  });

  test('the cutoff is exactly 14 days before now', () => {
    expect(autoReleaseCutoff(Date.parse('2026-12-15T09:00:00+08:00'))).toBe(Date.parse('2026-12-01T09:00:00+08:00'));
  });
});

describe('abilities', () => {
  test('claim: a member, on an open wish before its deadline, never their own', () => {
    expect(abilitiesOf(otherMember, wish('open'), TODAY).claim).toBe(true);
    expect(abilitiesOf(resident, wish('open'), TODAY).claim).toBe(false);
    expect(abilitiesOf(staff, wish('open'), TODAY).claim).toBe(false);
    expect(abilitiesOf(otherMember, wish('open', { deadline: '2026-11-22' }), TODAY).claim).toBe(false);
    expect(abilitiesOf({ userId: 'u_zhao', role: 'member' }, wish('open'), TODAY).claim).toBe(false);
    expect(abilitiesOf(otherMember, wish('claimed'), TODAY).claim).toBe(false);
  });

  test('release and fulfil: only the claimer while claimed', () => {
    expect(abilitiesOf(claimer, wish('claimed'), TODAY)).toMatchObject({ release: true, fulfil: true });
    expect(abilitiesOf(otherMember, wish('claimed'), TODAY)).toMatchObject({ release: false, fulfil: false });
    expect(abilitiesOf(claimer, wish('fulfilled'), TODAY)).toMatchObject({ release: false, fulfil: false });
  });

  test('confirm: the beneficiary or staff, once fulfilled', () => {
    expect(abilitiesOf(resident, wish('fulfilled'), TODAY).confirm).toBe(true);
    expect(abilitiesOf(staff, wish('fulfilled'), TODAY).confirm).toBe(true);
    expect(abilitiesOf(claimer, wish('fulfilled'), TODAY).confirm).toBe(false);
    expect(abilitiesOf(resident, wish('claimed'), TODAY).confirm).toBe(false);
  });

  test('withdraw: the poster or staff, before anyone claims it; review: staff, while pending', () => {
    for (const status of WISH_STATUSES) {
      expect(abilitiesOf(resident, wish(status), TODAY).withdraw).toBe(status === 'pending_review' || status === 'open');
      expect(abilitiesOf(neighbour, wish(status), TODAY).withdraw).toBe(false);
      expect(abilitiesOf(staff, wish(status), TODAY).review).toBe(status === 'pending_review');
      expect(abilitiesOf({ userId: 'u_admin', role: 'admin' }, wish(status), TODAY).review).toBe(false);
    }
  });
});
