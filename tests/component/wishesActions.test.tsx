import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetTaroMock } from './mocks/taro';
import type { WishAbilities } from '../../types/wishes';
import { uploadPhoto } from '../../src/services';
import { WishActions, type WishActionHandlers } from '../../src/pages/wishes/components/WishActions';

jest.mock('@tarojs/components', () => {
  const actual = jest.requireActual('@tarojs/components');
  return { ...actual, Image: ({ src }: { src: string }) => <img alt="照片" src={src} /> };
});

jest.mock('../../src/services', () => ({
  ...jest.requireActual('../../src/services'),
  uploadPhoto: jest.fn(),
}));

const mockedUpload = uploadPhoto as jest.MockedFunction<typeof uploadPhoto>;
const chooseImage = jest.fn();

const NONE: WishAbilities = { claim: false, release: false, fulfil: false, confirm: false, withdraw: false, review: false };

const handlers = (): jest.Mocked<WishActionHandlers> => ({
  claim: jest.fn().mockResolvedValue(true),
  release: jest.fn().mockResolvedValue(true),
  fulfil: jest.fn().mockResolvedValue(true),
  confirm: jest.fn().mockResolvedValue(true),
  withdraw: jest.fn().mockResolvedValue(true),
  review: jest.fn().mockResolvedValue(true),
});

const renderActions = (can: Partial<WishAbilities>, h = handlers(), busy = false) => {
  render(<WishActions wishId="wish_1" title="想要一台收音机" can={{ ...NONE, ...can }} busy={busy} handlers={h} />);
  return h;
};

const buttonNames = () => screen.queryAllByRole('button').map((b) => b.textContent);
const dialog = () => screen.getByRole('dialog');
const confirmIn = async (name: string) => {
  await act(async () => {
    fireEvent.click(within(dialog()).getByRole('button', { name }));
  });
};

beforeEach(() => {
  resetTaroMock();
  mockedUpload.mockReset();
  chooseImage.mockReset();
  (Taro as unknown as { chooseImage: jest.Mock }).chooseImage = chooseImage;
});

describe('wish actions follow `can`', () => {
  it.each<[string, Partial<WishAbilities>, string[]]>([
    ['nothing allowed (the public on a claimed wish)', {}, []],
    ['a member on an open wish', { claim: true }, ['认领心愿']],
    ['the claimer', { release: true, fulfil: true }, ['报告圆梦', '释放认领']],
    ['the beneficiary after fulfilment', { confirm: true }, ['确认收到']],
    ['the poster before anyone claims', { withdraw: true }, ['撤回心愿']],
    ['staff on a wish under review', { review: true, withdraw: true }, ['审核通过', '不通过', '撤回心愿']],
  ])('%s', (_who, can, expected) => {
    renderActions(can);
    expect(buttonNames()).toEqual(expected);
  });

  it('claims only after confirmation', async () => {
    const h = renderActions({ claim: true });
    fireEvent.click(screen.getByRole('button', { name: '认领心愿' }));
    expect(within(dialog()).getByText(/14天内完成/)).toBeTruthy();
    expect(within(dialog()).getByText(/最多同时认领3个/)).toBeTruthy();
    expect(h.claim).not.toHaveBeenCalled();

    await confirmIn('确认认领');
    expect(h.claim).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('does nothing when the claim is called off', () => {
    const h = renderActions({ claim: true });
    fireEvent.click(screen.getByRole('button', { name: '认领心愿' }));
    fireEvent.click(within(dialog()).getByRole('button', { name: '再想想' }));
    expect(h.claim).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('releases a claim only with a reason', async () => {
    const h = renderActions({ release: true, fulfil: true });
    fireEvent.click(screen.getByRole('button', { name: '释放认领' }));
    await confirmIn('确认释放');
    expect(within(dialog()).getByText('请填写释放原因')).toBeTruthy();
    expect(h.release).not.toHaveBeenCalled();

    fireEvent.change(within(dialog()).getByPlaceholderText('如：临时出差，无法按时完成'), { target: { value: ' 临时出差 ' } });
    await confirmIn('确认释放');
    expect(h.release).toHaveBeenCalledWith('临时出差');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('keeps the dialog open when the step fails', async () => {
    const h = handlers();
    h.confirm.mockResolvedValue(false);
    renderActions({ confirm: true }, h);
    fireEvent.click(screen.getByRole('button', { name: '确认收到' }));
    expect(within(dialog()).getByText(/不能撤销/)).toBeTruthy();
    await confirmIn('确认收到');
    expect(h.confirm).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('withdraws after confirmation, the reason being optional', async () => {
    const h = renderActions({ withdraw: true });
    fireEvent.click(screen.getByRole('button', { name: '撤回心愿' }));
    expect(within(dialog()).getByText(/不能恢复/)).toBeTruthy();
    await confirmIn('确认撤回');
    expect(h.withdraw).toHaveBeenCalledWith(undefined);
  });

  it('approves after confirmation and rejects only with a reason', async () => {
    const h = renderActions({ review: true });
    fireEvent.click(screen.getByRole('button', { name: '审核通过' }));
    await confirmIn('确认通过');
    expect(h.review).toHaveBeenCalledWith(true);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: '不通过' }));
    await confirmIn('确认不通过');
    expect(within(dialog()).getByText('请填写不通过的原因')).toBeTruthy();
    expect(h.review).toHaveBeenCalledTimes(1);

    fireEvent.change(within(dialog()).getByPlaceholderText('如：心愿内容不完整，请补充后重新发布'), { target: { value: '内容不完整' } });
    await confirmIn('确认不通过');
    expect(h.review).toHaveBeenLastCalledWith(false, '内容不完整');
  });

  it('reports fulfilment with a note and 1–3 uploaded photos', async () => {
    chooseImage.mockResolvedValue({ tempFiles: [{ path: 'blob:a', size: 10 }, { path: 'blob:b', size: 20 }] });
    mockedUpload.mockResolvedValueOnce('local://aaa.jpg').mockResolvedValueOnce('local://bbb.png');
    const h = renderActions({ release: true, fulfil: true });

    fireEvent.click(screen.getByRole('button', { name: '报告圆梦' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '提交圆梦' }));
    });
    expect(screen.getByText('请填写圆梦说明')).toBeTruthy();
    expect(screen.getByText('请上传至少一张圆梦照片')).toBeTruthy();
    expect(h.fulfil).not.toHaveBeenCalled();

    fireEvent.change(screen.getByPlaceholderText('如：已将收音机送到老人家中，并教会使用'), { target: { value: '已送到家中' } });
    await act(async () => {
      fireEvent.click(screen.getByText('添加照片'));
    });
    expect(chooseImage).toHaveBeenCalledWith(expect.objectContaining({ count: 3 }));
    expect(screen.getAllByRole('img')).toHaveLength(2);

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '提交圆梦' }));
    });
    expect(h.fulfil).toHaveBeenCalledWith({ note: '已送到家中', photos: ['local://aaa.jpg', 'local://bbb.png'] });
    // Done: the form closes and 报告圆梦 is offered only if `can` still says so.
    expect(screen.queryByRole('button', { name: '提交圆梦' })).toBeNull();
  });

  it('disables every action while one is in flight', () => {
    renderActions({ review: true, withdraw: true }, handlers(), true);
    for (const button of screen.getAllByRole('button')) expect((button as HTMLButtonElement).disabled).toBe(true);
  });
});
