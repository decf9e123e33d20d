import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetTaroMock, router } from './mocks/taro';
import type { ActivityView, SignupView } from '../../types/activities';
import type { ActionOutput } from '../../types/api';
import type { UserProfile } from '../../types/users';
import { ApiCallError, call } from '../../src/services';
import SignUpPage from '../../src/packages/resident-activities/pages/signup/index';
import AttendeesPage from '../../src/packages/activities-staff/pages/attendees/index';

jest.mock('../../src/services', () => ({
  ...jest.requireActual('../../src/services'),
  call: jest.fn(),
}));

const mockedCall = call as jest.MockedFunction<typeof call>;

const HOUR = 3600_000;
const NOW = Date.now();

const ACTIVITY: ActivityView = {
  _id: 'a1',
  communityId: 'c_jiariruyuan',
  menuId: 'm1',
  month: '2026-12',
  seriesId: null,
  title: '四点半课堂·手工课',
  category: 'after_school',
  description: '折纸与剪纸',
  place: '社区党群服务中心二楼',
  startAt: NOW + 48 * HOUR,
  endAt: NOW + 50 * HOUR,
  capacity: 10,
  confirmedCount: 9,
  placesLeft: 1,
  signupOpensAt: NOW - HOUR,
  signupClosesAt: NOW + 47 * HOUR,
  cancelDeadline: NOW + 24 * HOUR,
  ageMin: 6,
  ageMax: 12,
  waitlist: true,
  checkinRequired: true,
  memberPoints: 0,
  signupPhase: 'open',
  ratingCount: 0,
  ratingAverage: null,
  createdAt: NOW - 2 * HOUR,
  updatedAt: NOW - 2 * HOUR,
};

const PROFILE: UserProfile = {
  _id: 'u_sun',
  communityId: 'c_jiariruyuan',
  communityName: '假日润园社区',
  name: '孙丽',
  phone: '13800000022',
  building: '2号楼',
  room: '2单元402',
  role: 'resident',
  elderly: false,
  memberStatus: 'none',
  skills: [],
  createdAt: 0,
};

const signup = (extra: Partial<SignupView>): SignupView => ({
  _id: 's1',
  communityId: 'c_jiariruyuan',
  activityId: 'a1',
  userId: 'u_sun',
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
  createdAt: NOW,
  updatedAt: NOW,
  ...extra,
});

const answer = (signUp: () => Promise<unknown>) => {
  mockedCall.mockImplementation(((fn: string, action: string) => {
    if (fn === 'users' && action === 'me') return Promise.resolve({ user: PROFILE });
    if (fn === 'activities' && action === 'getActivity') return Promise.resolve({ activity: ACTIVITY, mySignup: null, waitlisted: 0 });
    if (fn === 'activities' && action === 'signUp') return signUp();
    return Promise.reject(new Error(`unexpected call ${fn}.${action}`));
  }) as typeof call);
};

const signUpCalls = () => mockedCall.mock.calls.filter(([, action]) => action === 'signUp');
const names = () => screen.getAllByPlaceholderText('参加人姓名') as HTMLInputElement[];
const ages = () => screen.getAllByPlaceholderText('周岁，如 8') as HTMLInputElement[];
const attendeeBox = (n: number) => screen.getByText(`参加人${n}`).closest('.attendee') as HTMLElement;

const renderForm = async () => {
  render(<SignUpPage />);
  await screen.findByText('本活动面向6–12岁的居民');
  // The caller's own name is filled in once users.me answers.
  await waitFor(() => expect(names()[0].value).toBe('孙丽'));
};

const submit = async () => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: /^提交/ }));
  });
};

beforeEach(() => {
  resetTaroMock();
  router.params = { id: 'a1' };
  mockedCall.mockReset();
});

describe('activity sign-up form', () => {
  it('explains the age range and allows one to three attendees', async () => {
    answer(() => Promise.resolve(signup({})));
    await renderForm();

    expect(screen.getByText(/每位参加人须在6–12岁之间/)).toBeTruthy();
    expect(names()).toHaveLength(1);
    // The only attendee cannot be removed.
    expect(within(attendeeBox(1)).queryByText('删除')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '添加家人（还可添加2人）' }));
    fireEvent.click(screen.getByRole('button', { name: '添加家人（还可添加1人）' }));
    expect(names()).toHaveLength(3);
    expect(screen.queryByRole('button', { name: /添加家人/ })).toBeNull();
    expect(screen.getByText('每个账号最多报名3人')).toBeTruthy();

    fireEvent.click(within(attendeeBox(2)).getByText('删除'));
    expect(names()).toHaveLength(2);
    expect(screen.getByRole('button', { name: '添加家人（还可添加1人）' })).toBeTruthy();
  });

  it('refuses an age outside the range with the same words as the server, and sends nothing', async () => {
    answer(() => Promise.resolve(signup({})));
    await renderForm();
    fireEvent.change(ages()[0], { target: { value: '35' } });
    fireEvent.click(screen.getByRole('button', { name: '添加家人（还可添加2人）' }));

    await submit();

    expect(within(attendeeBox(1)).getByText('本活动面向6–12岁的居民')).toBeTruthy();
    expect(within(attendeeBox(2)).getByText('请填写参加人姓名')).toBeTruthy();
    expect(within(attendeeBox(2)).getByText('请选择与本人关系')).toBeTruthy();
    expect(within(attendeeBox(2)).getByText('请填写年龄')).toBeTruthy();
    expect(signUpCalls()).toHaveLength(0);
  });

  it('sends the parsed attendees with a request id and shows 已报名', async () => {
    answer(() => Promise.resolve(signup({})));
    await renderForm();
    fireEvent.change(names()[0], { target: { value: ' 小雨 ' } });
    fireEvent.click(within(attendeeBox(1)).getByText('子女'));
    fireEvent.change(ages()[0], { target: { value: '8' } });
    fireEvent.click(screen.getByRole('button', { name: '添加家人（还可添加2人）' }));
    fireEvent.change(names()[1], { target: { value: '小雪' } });
    fireEvent.click(within(attendeeBox(2)).getByText('子女'));
    fireEvent.change(ages()[1], { target: { value: '12' } });

    await submit();

    expect(signUpCalls()).toEqual([
      [
        'activities',
        'signUp',
        {
          activityId: 'a1',
          attendees: [
            { name: '小雨', relation: 'child', age: 8 },
            { name: '小雪', relation: 'child', age: 12 },
          ],
        },
        { requestId: expect.stringMatching(/^.{8,64}$/) },
      ],
    ]);
    expect(await screen.findByText('已报名')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '查看我的报名' }));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/resident-activities/pages/mine/index' });
  });

  it('shows how many are ahead in the live queue when the answer is a waitlisted sign-up, not the arrival number', async () => {
    answer(() => Promise.resolve(signup({ status: 'waitlisted', waitlistSeq: 5, waitlistAhead: 2, checkinCode: null })));
    await renderForm();
    fireEvent.change(ages()[0], { target: { value: '9' } });
    await submit();
    expect(await screen.findByText('前面还有 2 人')).toBeTruthy();
    expect(screen.getByText('已进入候补')).toBeTruthy();
    expect(screen.queryByText('候补第5位')).toBeNull();
    expect(screen.getByText(/您已进入候补/)).toBeTruthy();
  });

  it('says the resident is next when nobody is ahead', async () => {
    answer(() => Promise.resolve(signup({ status: 'waitlisted', waitlistSeq: 3, waitlistAhead: 0, checkinCode: null })));
    await renderForm();
    fireEvent.change(ages()[0], { target: { value: '9' } });
    await submit();
    expect(await screen.findByText('排在候补第一位')).toBeTruthy();
  });

  it('shows 名额已满 when the function answers FULL', async () => {
    answer(() => Promise.reject(new ApiCallError({ code: 'FULL', message: '名额已满' })));
    await renderForm();
    fireEvent.change(ages()[0], { target: { value: '9' } });
    await submit();
    expect(await screen.findByText('名额已满')).toBeTruthy();
    expect(screen.getByText(/不设候补/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '查看我的报名' })).toBeNull();
  });

  it('shows the server’s per-attendee message and keeps the form', async () => {
    answer(() =>
      Promise.reject(new ApiCallError({ code: 'VALIDATION', message: '本活动面向6–12岁的居民', fields: { 'attendees.0.age': '本活动面向6–12岁的居民' } })),
    );
    await renderForm();
    fireEvent.change(ages()[0], { target: { value: '9' } });
    await submit();
    expect(within(attendeeBox(1)).getByText('本活动面向6–12岁的居民')).toBeTruthy();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '本活动面向6–12岁的居民', icon: 'none' });
    expect(names()).toHaveLength(1);
  });

  it('shows the places left after the sign-up, not before it (issue 13 bug 3)', async () => {
    let reads = 0;
    mockedCall.mockImplementation(((fn: string, action: string) => {
      if (fn === 'users' && action === 'me') return Promise.resolve({ user: PROFILE });
      if (fn === 'activities' && action === 'getActivity') {
        reads += 1;
        const after = reads > 1 ? { confirmedCount: 10, placesLeft: 0 } : {};
        return Promise.resolve({ activity: { ...ACTIVITY, capacity: 12, confirmedCount: 9, placesLeft: 3, ...after }, mySignup: null, waitlisted: 0 });
      }
      if (fn === 'activities' && action === 'signUp') return Promise.resolve(signup({}));
      return Promise.reject(new Error(`unexpected call ${fn}.${action}`));
    }) as typeof call);
    await renderForm();
    expect(screen.getByText('3')).toBeTruthy();
    fireEvent.change(ages()[0], { target: { value: '9' } });
    await submit();
    expect(await screen.findByText('已报名')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('已满·可候补')).toBeTruthy());
    expect(screen.queryByText('剩余')).toBeNull();
  });

  it('lets a member sign up as a volunteer without the waitlist wording or the age notice (issue 13 bug 8)', async () => {
    mockedCall.mockImplementation(((fn: string, action: string) => {
      if (fn === 'users' && action === 'me') return Promise.resolve({ user: { ...PROFILE, role: 'member', memberStatus: 'approved' } });
      if (fn === 'activities' && action === 'getActivity') return Promise.resolve({ activity: { ...ACTIVITY, confirmedCount: 10, placesLeft: 0 }, mySignup: null, waitlisted: 2 });
      return Promise.reject(new Error(`unexpected call ${fn}.${action}`));
    }) as typeof call);
    render(<SignUpPage />);
    await screen.findByText('本活动面向6–12岁的居民');
    expect(screen.getByRole('button', { name: '提交并加入候补' })).toBeTruthy();

    fireEvent.click(screen.getByText('志愿服务'));
    expect(screen.getByRole('button', { name: '提交志愿服务报名' })).toBeTruthy();
    expect(screen.queryByText('本活动面向6–12岁的居民')).toBeNull();
    expect(screen.queryByText(/提交并加入候补/)).toBeNull();
    expect(screen.getByText('以党员志愿者身份服务本活动')).toBeTruthy();
  });

  it('lets staff sign a resident up on their behalf (代报名, issue 13 bug 1)', async () => {
    router.params = { id: 'a1', for: 'u_zhao', forName: encodeURIComponent('赵秀兰') };
    mockedCall.mockImplementation(((fn: string, action: string) => {
      if (fn === 'users' && action === 'me') return Promise.resolve({ user: { ...PROFILE, _id: 'u_li', name: '李红梅', role: 'staff' } });
      if (fn === 'activities' && action === 'getActivity') return Promise.resolve({ activity: ACTIVITY, mySignup: null, waitlisted: 0 });
      if (fn === 'activities' && action === 'signUp') return Promise.resolve(signup({ userId: 'u_zhao', userName: '赵秀兰', proxy: true }));
      return Promise.reject(new Error(`unexpected call ${fn}.${action}`));
    }) as typeof call);
    render(<SignUpPage />);
    expect(await screen.findByText('为赵秀兰代报名')).toBeTruthy();
    await waitFor(() => expect(names()[0].value).toBe('赵秀兰'));
    fireEvent.change(ages()[0], { target: { value: '9' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '为赵秀兰提交报名' }));
    });
    expect(signUpCalls()).toHaveLength(1);
    expect(signUpCalls()[0][2]).toMatchObject({ activityId: 'a1', onBehalfOf: 'u_zhao', attendees: [{ name: '赵秀兰', relation: 'self', age: 9 }] });
    fireEvent.click(await screen.findByRole('button', { name: '查看报名名单' }));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/activities-staff/pages/attendees/index?id=a1' });
  });
});

describe('the staff sign-up list', () => {
  it('shows each waiting resident’s place in the live queue, not the arrival number', async () => {
    // Twenty arrived earlier and were promoted or left: 周强 came 21st and is now first in line.
    const waiting = (id: string, userName: string, waitlistSeq: number, waitlistAhead: number) =>
      signup({ _id: id, userId: `u_${id}`, userName, status: 'waitlisted', waitlistSeq, waitlistAhead, checkinCode: null });
    const roster: ActionOutput<'activities', 'listSignups'> = {
      activity: { ...ACTIVITY, capacity: 30, confirmedCount: 30, placesLeft: 0 },
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
});
