/** Issue 13, bug 12: a wish's deadline is at most MAX_DEADLINE_DAYS ahead, checked by the server. */
import type { ActionInput } from '../../types/api';
import type { Envelope } from '../../types/errors';
import { MAX_DEADLINE_DAYS, latestWishDeadline } from '../../types/wishes';
import { openHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await openHarness(); // 2026-11-23 09:00 Asia/Shanghai
});
afterEach(() => h.close());

const form = (deadline: string): ActionInput<'wishes', 'postWish'> => ({
  beneficiaryType: 'elderly',
  kind: 'material',
  title: '想要一台收音机',
  content: '老伴走后一个人在家，想听听戏曲广播。',
  value: 80,
  deadline,
});
const refusal = <T>(answer: Envelope<T>) => (answer.ok ? null : answer.error);

test('the latest deadline is 180 days after the posting day', () => {
  expect(MAX_DEADLINE_DAYS).toBe(180);
  expect(latestWishDeadline('2026-11-23')).toBe('2027-05-22');
  expect(latestWishDeadline('2027-12-31')).toBe('2028-06-28');
});

test('a deadline two years out is refused with a message on the field; the last allowed day is accepted', async () => {
  const far = await h.as('resident-zhao')('wishes', 'postWish', form('2028-11-20'), 'deadline-far');
  expect(refusal(far)).toMatchObject({ code: 'VALIDATION', fields: { deadline: '截止日期最晚为180天内（2027-05-22）' } });
  expect(await h.store.count('wishes', {})).toBe(0);

  const last = await h.okAs('resident-zhao')('wishes', 'postWish', form('2027-05-22'), 'deadline-last');
  expect(last.deadline).toBe('2027-05-22');
});
