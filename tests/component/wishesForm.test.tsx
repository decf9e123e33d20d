import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetTaroMock } from './mocks/taro';
import type { WishDetail } from '../../types/wishes';
import { ApiCallError, call, uploadPhoto } from '../../src/services';
import { WishForm } from '../../src/pages/wishes/components/WishForm';
import { defaultDeadline, shanghaiDate, todayInShanghai } from '../../src/pages/wishes/wishTime';

// Taro's Picker and Image have no stand-in in mocks/: a date input and an <img> do here.
jest.mock('@tarojs/components', () => {
  const actual = jest.requireActual('@tarojs/components');
  return {
    ...actual,
    Image: ({ src }: { src: string }) => <img alt="照片" src={src} />,
    Picker: ({ children, value, onChange }: { children: unknown; value: string; onChange: (e: { detail: { value: string } }) => void }) => (
      <label>
        {children as never}
        <input aria-label="选择日期" value={value} onChange={(e) => onChange({ detail: { value: e.target.value } })} />
      </label>
    ),
  };
});

jest.mock('../../src/services', () => ({
  ...jest.requireActual('../../src/services'),
  call: jest.fn(),
  uploadPhoto: jest.fn(),
}));

const mockedCall = call as jest.MockedFunction<typeof call>;
const mockedUpload = uploadPhoto as jest.MockedFunction<typeof uploadPhoto>;
const chooseImage = jest.fn();

const POSTED = { _id: 'wish_1', title: '想要一台收音机' } as WishDetail;

const type = (placeholder: string, value: string) => fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });
const pick = (date: string) => fireEvent.change(screen.getByLabelText('选择日期'), { target: { value: date } });
const postCalls = () => mockedCall.mock.calls.filter(([fn, action]) => fn === 'wishes' && action === 'postWish');

const fillValidForm = () => {
  fireEvent.click(screen.getByText('老人'));
  fireEvent.click(screen.getByText('物质'));
  type('如：想要一台收音机', '  想要一台收音机 ');
  type('说说心愿的具体情况，方便志愿者准备（300字以内）', '老人独居，平时喜欢听戏曲，希望有一台收音机。');
  type('0～500', '120');
  pick(defaultDeadline());
};

const submit = async (name = '提交心愿') => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
};

beforeEach(() => {
  resetTaroMock();
  mockedCall.mockReset();
  mockedUpload.mockReset();
  chooseImage.mockReset();
  (Taro as unknown as { chooseImage: jest.Mock }).chooseImage = chooseImage;
});

describe('wish form (发布心愿)', () => {
  it('shows the schema’s Chinese message for every missing field and sends nothing', async () => {
    render(<WishForm onPosted={jest.fn()} />);
    await submit();

    expect(screen.getByText('请选择受助对象类型')).toBeTruthy();
    expect(screen.getByText('请选择心愿类型')).toBeTruthy();
    expect(screen.getByText('请填写心愿标题')).toBeTruthy();
    expect(screen.getByText('请填写心愿内容')).toBeTruthy();
    expect(screen.getByText('请填写预计价值')).toBeTruthy();
    expect(postCalls()).toHaveLength(0);
  });

  it('refuses a title over 30 characters, a value over 500 yuan and a past deadline, with the server’s words', async () => {
    render(<WishForm onPosted={jest.fn()} />);
    fillValidForm();
    type('如：想要一台收音机', '想'.repeat(31));
    type('0～500', '501');
    pick('2020-01-01');
    await submit();

    expect(screen.getByText('心愿标题不超过30个字')).toBeTruthy();
    expect(screen.getByText('预计价值不超过500元')).toBeTruthy();
    expect(screen.getByText('截止日期不能早于今天')).toBeTruthy();
    expect(screen.queryByText('请选择受助对象类型')).toBeNull();
    expect(postCalls()).toHaveLength(0);
  });

  it('refuses a value that is not a whole number of yuan, and a day that does not exist', async () => {
    render(<WishForm onPosted={jest.fn()} />);
    fillValidForm();
    type('0～500', '12.5');
    pick('2099-02-30');
    await submit();

    expect(screen.getByText('预计价值须为整数（元）')).toBeTruthy();
    expect(screen.getByText('截止日期不存在，请重新选择')).toBeTruthy();
    expect(postCalls()).toHaveLength(0);
  });

  it('refuses a deadline more than 180 days ahead (two years out), with the server’s words', async () => {
    render(<WishForm onPosted={jest.fn()} />);
    fillValidForm();
    pick(shanghaiDate(Date.now() + 2 * 365 * 86_400_000));
    await submit();

    expect(screen.getByText(/^截止日期最晚为180天内（\d{4}-\d{2}-\d{2}）$/)).toBeTruthy();
    expect(postCalls()).toHaveLength(0);
  });

  it('accepts today as the deadline', async () => {
    mockedCall.mockResolvedValue(POSTED);
    render(<WishForm onPosted={jest.fn()} />);
    fillValidForm();
    pick(todayInShanghai());
    await submit();
    expect(postCalls()).toHaveLength(1);
    expect((postCalls()[0][2] as { deadline: string }).deadline).toBe(todayInShanghai());
  });

  it('sends the parsed form, with the uploaded photo, and one request id', async () => {
    chooseImage.mockResolvedValue({ tempFiles: [{ path: 'wxfile://tmp_1.jpg', size: 2048 }], tempFilePaths: ['wxfile://tmp_1.jpg'] });
    mockedUpload.mockResolvedValue('local://abc123.jpg');
    mockedCall.mockResolvedValue(POSTED);
    const onPosted = jest.fn();
    render(<WishForm onPosted={onPosted} />);
    fillValidForm();
    await act(async () => {
      fireEvent.click(screen.getByText('添加照片'));
    });
    expect(mockedUpload).toHaveBeenCalledWith({ path: 'wxfile://tmp_1.jpg', size: 2048 });
    expect(screen.getByRole('img').getAttribute('src')).toBe('/files/abc123.jpg');

    await submit();

    expect(postCalls()).toEqual([
      [
        'wishes',
        'postWish',
        {
          beneficiaryType: 'elderly',
          kind: 'material',
          title: '想要一台收音机',
          content: '老人独居，平时喜欢听戏曲，希望有一台收音机。',
          value: 120,
          deadline: defaultDeadline(),
          photos: ['local://abc123.jpg'],
        },
        { requestId: expect.stringMatching(/^.{8,64}$/) },
      ],
    ]);
    await waitFor(() => expect(onPosted).toHaveBeenCalledWith(POSTED));
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已提交，等待社区审核', icon: 'success' });
  });

  it('reuses the request id when the same submission is retried after a failure', async () => {
    mockedCall
      .mockRejectedValueOnce(new ApiCallError({ code: 'INTERNAL', message: '网络异常，请检查网络后重试' }))
      .mockResolvedValueOnce(POSTED);
    const onPosted = jest.fn();
    render(<WishForm onPosted={onPosted} />);
    fillValidForm();

    await submit();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '网络异常，请检查网络后重试', icon: 'none' });
    expect(onPosted).not.toHaveBeenCalled();

    await submit();
    await waitFor(() => expect(onPosted).toHaveBeenCalledTimes(1));

    const [first, second] = postCalls();
    expect(first[3]?.requestId).toEqual(expect.any(String));
    expect(second[3]?.requestId).toBe(first[3]?.requestId);
  });

  it('gives a fresh request id to a new submission', async () => {
    mockedCall.mockResolvedValue(POSTED);
    const { unmount } = render(<WishForm onPosted={jest.fn()} />);
    fillValidForm();
    await submit();
    unmount();
    render(<WishForm onPosted={jest.fn()} />);
    fillValidForm();
    await submit();
    const [first, second] = postCalls();
    expect(second[3]?.requestId).not.toBe(first[3]?.requestId);
  });

  it('posts for a resident with onBehalfOf when staff fill it in (代发心愿)', async () => {
    mockedCall.mockResolvedValue(POSTED);
    render(<WishForm onBehalfOf={{ id: 'u_zhao', name: '赵秀兰' }} initialBeneficiaryType="elderly" onPosted={jest.fn()} />);
    // 老人 is preselected for an elderly resident.
    fireEvent.click(screen.getByText('陪伴'));
    type('如：想要一台收音机', '想有人陪着去公园');
    type('说说心愿的具体情况，方便志愿者准备（300字以内）', '腿脚不便，想有人周末陪着去公园走走。');
    type('0～500', '0');
    pick(defaultDeadline());
    await submit('为赵秀兰提交心愿');

    expect(postCalls()[0][2]).toEqual({
      beneficiaryType: 'elderly',
      kind: 'companion',
      title: '想有人陪着去公园',
      content: '腿脚不便，想有人周末陪着去公园走走。',
      value: 0,
      deadline: defaultDeadline(),
      onBehalfOf: 'u_zhao',
    });
  });

  it('shows the server’s per-field message when it refuses', async () => {
    mockedCall.mockRejectedValue(new ApiCallError({ code: 'VALIDATION', message: '截止日期不能早于今天', fields: { deadline: '截止日期不能早于今天' } }));
    render(<WishForm onPosted={jest.fn()} />);
    fillValidForm();
    await submit();
    expect(await screen.findByText('截止日期不能早于今天')).toBeTruthy();
  });
});
