import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetTaroMock } from './mocks/taro';
import type { UserProfile } from '../../types/users';
import { ApiCallError, call } from '../../src/services';
import RegisterPage from '../../src/packages/me/pages/register/index';

jest.mock('../../src/services', () => ({
  ...jest.requireActual('../../src/services'),
  call: jest.fn(),
}));

const mockedCall = call as jest.MockedFunction<typeof call>;

const PROFILE: UserProfile = {
  _id: 'u1',
  communityId: 'c_jiariruyuan',
  communityName: '假日润园社区',
  name: '王小明',
  phone: '13912345678',
  building: '3号楼',
  room: '2单元301',
  role: 'resident',
  elderly: false,
  memberStatus: 'none',
  skills: [],
  createdAt: 0,
};

const answer = (register: () => Promise<unknown>) => {
  mockedCall.mockImplementation(((fn: string, action: string) => {
    if (fn === 'users' && action === 'listCommunities') {
      return Promise.resolve({ items: [{ _id: 'c_jiariruyuan', name: '假日润园社区', street: '翠屏街道' }, { _id: 'c_wenhuali', name: '文化里社区', street: '翠屏街道' }] });
    }
    if (fn === 'users' && action === 'register') return register();
    return Promise.reject(new Error(`unexpected call ${fn}.${action}`));
  }) as typeof call);
};

const type = (placeholder: string, value: string) => fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });
const registerCalls = () => mockedCall.mock.calls.filter(([, action]) => action === 'register');

beforeEach(() => {
  resetTaroMock();
  mockedCall.mockReset();
});

describe('register form', () => {
  it('shows each field’s Chinese message from RegisterInput and sends nothing', async () => {
    answer(() => Promise.resolve(PROFILE));
    render(<RegisterPage />);
    await screen.findByText('假日润园社区');

    fireEvent.click(screen.getByRole('button', { name: '提交注册' }));

    expect(screen.getByText('请选择所在社区')).toBeTruthy();
    expect(screen.getByText('请填写姓名')).toBeTruthy();
    expect(screen.getByText('请填写11位手机号')).toBeTruthy();
    expect(screen.getByText('请填写楼栋')).toBeTruthy();
    expect(screen.getByText('请填写门牌号')).toBeTruthy();
    expect(registerCalls()).toHaveLength(0);
  });

  it('rejects a malformed phone number while accepting the rest', async () => {
    answer(() => Promise.resolve(PROFILE));
    render(<RegisterPage />);
    fireEvent.click(await screen.findByText('文化里社区'));
    type('请输入姓名', '王小明');
    type('请输入11位手机号', '1234567');
    type('如：3号楼', '3号楼');
    type('如：2单元301', '2单元301');

    fireEvent.click(screen.getByRole('button', { name: '提交注册' }));

    expect(screen.getByText('请填写11位手机号')).toBeTruthy();
    expect(screen.queryByText('请填写姓名')).toBeNull();
    expect(screen.queryByText('请选择所在社区')).toBeNull();
    expect(registerCalls()).toHaveLength(0);
  });

  it('sends the parsed (trimmed) form to users.register and goes home', async () => {
    answer(() => Promise.resolve(PROFILE));
    render(<RegisterPage />);
    fireEvent.click(await screen.findByText('假日润园社区'));
    type('请输入姓名', '  王小明 ');
    type('请输入11位手机号', '13912345678');
    type('如：3号楼', '3号楼');
    type('如：2单元301', '2单元301');

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '提交注册' }));
    });

    expect(registerCalls()).toEqual([
      ['users', 'register', { communityId: 'c_jiariruyuan', name: '王小明', phone: '13912345678', building: '3号楼', room: '2单元301' }],
    ]);
    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' }));
  });

  it('shows the server’s per-field messages when it refuses', async () => {
    answer(() => Promise.reject(new ApiCallError({ code: 'VALIDATION', message: '提交的信息有误', fields: { phone: '该手机号格式不被接受' } })));
    render(<RegisterPage />);
    fireEvent.click(await screen.findByText('假日润园社区'));
    type('请输入姓名', '王小明');
    type('请输入11位手机号', '13912345678');
    type('如：3号楼', '3号楼');
    type('如：2单元301', '2单元301');

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '提交注册' }));
    });

    expect(await screen.findByText('该手机号格式不被接受')).toBeTruthy();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '提交的信息有误', icon: 'none' });
    expect(Taro.switchTab).not.toHaveBeenCalled();
  });
});
