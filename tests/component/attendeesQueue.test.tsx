import { render, screen } from '@testing-library/react';
import { resetTaroMock, router } from './mocks/taro';
import type { ActivityView, SignupView } from '../../types/activities';
import type { ActionOutput } from '../../types/api';
import { call } from '../../src/services';
import AttendeesPage from '../../src/packages/activities-staff/pages/attendees/index';

jest.mock('../../src/services', () => ({
  ...jest.requireActual('../../src/services'),
  call: jest.fn(),
}));

const mockedCall = call as jest.MockedFunction<typeof call>;
const NOW = Date.now();
const HOUR = 3600_000;

const ACTIVITY = {
  _id: 'a1',
  communityId: 'c_jiariruyuan',
  menuId: 'm1',
  month: '2026-12',
  seriesId: null,
  title: '中医义诊',
  category: 'tcm_night',
  description: '中医师义诊',
  place: '社区广场',
  startAt: NOW + 48 * HOUR,
  endAt: NOW + 50 * HOUR,
  capacity: 30,
  confirmedCount: 30,
  placesLeft: 0,
  signupOpensAt: NOW - HOUR,
  signupClosesAt: NOW + 47 * HOUR,
  cancelDeadline: NOW + 24 * HOUR,
  ageMin: null,
  ageMax: null,
  waitlist: true,
  checkinRequired: true,
  memberPoints: 0,
  signupPhase: 'open',
  ratingCount: 0,
  ratingAverage: null,
  createdAt: NOW - 2 * HOUR,
  updatedAt: NOW - 2 * HOUR,
} as ActivityView;

const waiting = (id: string, name: string, waitlistSeq: number, waitlistAhead: number): SignupView => ({
  _id: id,
  communityId: 'c_jiariruyuan',
  activityId: 'a1',
  userId: `u_${id}`,
  userName: name,
  phone: '13800000022',
  attendees: [{ name, relation: 'self', age: 60 }],
  attendeeCount: 1,
  volunteer: false,
  status: 'waitlisted',
  waitlistSeq,
  waitlistAhead,
  checkinCode: 'ABCDEFGH23',
  checkedInAt: null,
  rating: null,
  proxy: false,
  timeline: [],
  createdAt: NOW,
  updatedAt: NOW,
});

beforeEach(() => {
  resetTaroMock();
  router.params = { id: 'a1' };
  mockedCall.mockReset();
});

test('the waitlist shows each place in the live queue, not the arrival number', async () => {
  // Twenty arrived earlier and were promoted or left: 周强 came 21st and is now first in line.
  const roster: ActionOutput<'activities', 'listSignups'> = {
    activity: ACTIVITY,
    counts: { confirmed: 30, checked_in: 0, waitlisted: 2, cancelled: 0, no_show: 0 },
    items: [waiting('s21', '周强', 21, 0), waiting('s23', '吴敏', 23, 1)],
  };
  mockedCall.mockImplementation(((fn: string, action: string) =>
    fn === 'activities' && action === 'listSignups' ? Promise.resolve(roster) : Promise.reject(new Error(`unexpected call ${fn}.${action}`))) as typeof call);
  render(<AttendeesPage />);

  expect(await screen.findByText('候补第1位')).toBeTruthy();
  expect(screen.getByText('候补第2位')).toBeTruthy();
  expect(screen.queryByText('候补第21位')).toBeNull();
});
