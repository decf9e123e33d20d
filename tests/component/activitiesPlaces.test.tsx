import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { resetTaroMock } from './mocks/taro';
import type { SignupView } from '../../types/activities';
import { call } from '../../src/services';
import { PlacesLeft } from '../../src/pages/activities/components/PlacesLeft';
import { MySignupCard } from '../../src/pages/activities/components/MySignupCard';
import { placesText } from '../../src/pages/activities/lib/activityLabels';

jest.mock('../../src/services', () => ({
  ...jest.requireActual('../../src/services'),
  call: jest.fn(),
}));

const mockedCall = call as jest.MockedFunction<typeof call>;

describe('places-left label', () => {
  it('makes the number of places stand out while there are any', () => {
    const { container } = render(<PlacesLeft activity={{ placesLeft: 3, waitlist: true }} />);
    expect(container.textContent).toBe('剩余 3 个名额');
    expect(container.querySelector('.places__number')?.textContent).toBe('3');
    expect(container.querySelector('.places--open')).toBeTruthy();
  });

  it('says 已满·可候补 when full with a waitlist', () => {
    const { container } = render(<PlacesLeft activity={{ placesLeft: 0, waitlist: true }} />);
    expect(container.textContent).toBe('已满·可候补');
    expect(container.querySelector('.places--waitlist')).toBeTruthy();
  });

  it('says 已满 when full without one', () => {
    const { container } = render(<PlacesLeft activity={{ placesLeft: 0, waitlist: false }} />);
    expect(container.textContent).toBe('已满');
    expect(container.querySelector('.places--full')).toBeTruthy();
  });

  it.each([
    [1, false, '剩余 1 个名额'],
    [0, true, '已满·可候补'],
    [0, false, '已满'],
  ])('placesText(%i left, waitlist %s) is %s', (placesLeft, waitlist, expected) => {
    expect(placesText({ placesLeft, waitlist })).toBe(expected);
  });
});

describe('my sign-up card', () => {
  const HOUR = 3600_000;
  const now = Date.now();
  const activity = { _id: 'a1', title: '四点半课堂', place: '二楼', startAt: now + 48 * HOUR, endAt: now + 50 * HOUR, cancelDeadline: now + 24 * HOUR, checkinRequired: true };
  const signup: SignupView = {
    _id: 's1',
    communityId: 'c1',
    activityId: 'a1',
    userId: 'u1',
    userName: '孙丽',
    phone: '13800000022',
    attendees: [{ name: '小雨', relation: 'child', age: 8 }],
    attendeeCount: 1,
    volunteer: false,
    status: 'confirmed',
    waitlistSeq: null,
    checkinCode: 'ABCDEFGH23',
    checkedInAt: null,
    rating: null,
    proxy: false,
    timeline: [],
    createdAt: now,
    updatedAt: now,
  };

  beforeEach(() => {
    resetTaroMock();
    mockedCall.mockReset();
  });

  it('shows the check-in QR and code while the sign-up holds a place', () => {
    const { container } = render(<MySignupCard signup={signup} activity={activity} qrOpen onChanged={jest.fn()} />);
    expect(screen.getByText('签到码 ABCDEFGH23')).toBeTruthy();
    expect(container.querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/gif;base64,/);
    expect(screen.getByText('参加人：小雨（子女，8岁）')).toBeTruthy();
  });

  it('cancels only after confirmation', async () => {
    const onChanged = jest.fn();
    mockedCall.mockResolvedValue({ ...signup, status: 'cancelled', checkinCode: null } as never);
    render(<MySignupCard signup={signup} activity={activity} onChanged={onChanged} />);

    fireEvent.click(screen.getByRole('button', { name: '取消报名' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText(/名额将让给候补的居民/)).toBeTruthy();
    expect(mockedCall).not.toHaveBeenCalled();

    fireEvent.click(within(dialog).getByRole('button', { name: '确认取消' }));
    await waitFor(() => expect(mockedCall).toHaveBeenCalledWith('activities', 'cancelSignup', { signupId: 's1', activityId: 'a1' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(expect.objectContaining({ status: 'cancelled' })));
  });

  it('offers no cancellation after the deadline', () => {
    render(<MySignupCard signup={signup} activity={{ ...activity, cancelDeadline: now - HOUR }} onChanged={jest.fn()} />);
    expect(screen.queryByRole('button', { name: '取消报名' })).toBeNull();
    expect(screen.getByText(/已过取消截止时间/)).toBeTruthy();
  });

  it('offers a rating only after the activity, and sends stars with the comment', async () => {
    const checkedIn: SignupView = { ...signup, status: 'checked_in', checkedInAt: now - 3 * HOUR };
    const { unmount } = render(<MySignupCard signup={checkedIn} activity={activity} onChanged={jest.fn()} />);
    expect(screen.queryByRole('button', { name: '评价活动' })).toBeNull();
    expect(screen.getByText(/活动结束后可以评价/)).toBeTruthy();
    unmount();

    const ended = { ...activity, startAt: now - 4 * HOUR, endAt: now - 2 * HOUR };
    const onChanged = jest.fn();
    mockedCall.mockResolvedValue({ ...checkedIn, rating: { stars: 4, comment: '孩子很喜欢', at: now } } as never);
    render(<MySignupCard signup={checkedIn} activity={ended} onChanged={onChanged} />);
    fireEvent.click(screen.getByRole('button', { name: '评价活动' }));
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
    expect(screen.getByText('请点击星星打分（1–5星）')).toBeTruthy();
    expect(mockedCall).not.toHaveBeenCalled();

    fireEvent.click(document.getElementById('star-4')!);
    fireEvent.change(screen.getByPlaceholderText('说说您的感受（选填）'), { target: { value: '孩子很喜欢' } });
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
    await waitFor(() =>
      expect(mockedCall).toHaveBeenCalledWith('activities', 'rateActivity', { signupId: 's1', stars: 4, comment: '孩子很喜欢' }),
    );
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(expect.objectContaining({ rating: expect.objectContaining({ stars: 4 }) })));
  });
});
