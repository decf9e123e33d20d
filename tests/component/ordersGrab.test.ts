import Taro from '@tarojs/taro';
import { resetTaroMock } from './mocks/taro';
import type { UserSummary } from '../../types/users';
import { ApiCallError, call } from '../../src/services';
import { grabOrder } from '../../src/packages/orders-member/components/grab';
import { matchesSkills, rankMembers } from '../../src/packages/orders-staff/components/MemberPicker';
import { residentsFirstElderly } from '../../src/components/ResidentPicker';
import { staffCancelProblem } from '../../src/packages/orders-staff/components/staffCancel';

jest.mock('../../src/services', () => ({
  ...jest.requireActual('../../src/services'),
  call: jest.fn(),
}));

const mockedCall = call as jest.MockedFunction<typeof call>;

beforeEach(() => {
  resetTaroMock();
  mockedCall.mockReset();
});

describe('抢单', () => {
  it('says 已被他人接单 when another member won the race', async () => {
    mockedCall.mockRejectedValue(new ApiCallError({ code: 'CONFLICT', message: '已被他人接单' }));
    await expect(grabOrder('o_1')).resolves.toEqual({ ok: false, conflict: true });
    expect(mockedCall).toHaveBeenCalledWith('orders', 'grabOrder', { orderId: 'o_1' });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已被他人接单', icon: 'none' });
  });

  it('says 已被他人接单 for any CONFLICT but a cancellation, which it names', async () => {
    mockedCall.mockRejectedValueOnce(new ApiCallError({ code: 'CONFLICT', message: '状态已变化，请刷新后重试' }));
    await grabOrder('o_1');
    expect(Taro.showToast).toHaveBeenLastCalledWith({ title: '已被他人接单', icon: 'none' });

    mockedCall.mockRejectedValueOnce(new ApiCallError({ code: 'CONFLICT', message: '订单已取消' }));
    await grabOrder('o_1');
    expect(Taro.showToast).toHaveBeenLastCalledWith({ title: '订单已取消', icon: 'none' });
  });

  it('answers the order when the grab succeeds', async () => {
    mockedCall.mockResolvedValue({ _id: 'o_1', status: 'assigned' } as never);
    await expect(grabOrder('o_1')).resolves.toEqual({ ok: true, order: { _id: 'o_1', status: 'assigned' } });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '接单成功', icon: 'success' });
  });
});

const member = (name: string, skills: UserSummary['skills'], elderly = false): UserSummary => ({
  _id: `u_${name}`,
  name,
  phone: '13800000000',
  building: '1号楼',
  room: '101',
  role: 'member',
  elderly,
  memberStatus: 'approved',
  skills,
});

describe('派单 and 代点单 helpers', () => {
  it('puts the members whose skills match first', () => {
    const members = [member('刘芳', ['医疗健康', '陪伴照护']), member('张建国', ['家电维修', '水电维修']), member('陈明', ['法律'])];
    expect(rankMembers(members, ['家电维修']).map((m) => m.name)).toEqual(['张建国', '刘芳', '陈明']);
    expect(matchesSkills(members[0], [])).toBe(true);
    expect(matchesSkills(members[2], ['家电维修', '水电维修'])).toBe(false);
  });

  it('lists residents and members, 长辈 first, for 代点单, 代发心愿 and 代报名 alike', () => {
    const staff = { ...member('李红梅', []), role: 'staff' as const };
    const residents = [member('孙丽', []), member('赵秀兰', [], true), staff, member('周强', [])];
    expect(residentsFirstElderly(residents).map((r) => r.name)).toEqual(['赵秀兰', '孙丽', '周强']);
  });

  it('requires staff to say why they cancel, in the server’s words', () => {
    expect(staffCancelProblem('o_1', '  ')).toBe('请填写取消原因');
    expect(staffCancelProblem('o_1', '因'.repeat(101))).toBe('取消原因不超过100个字');
    expect(staffCancelProblem('o_1', '居民电话告知不再需要')).toBeNull();
  });
});
