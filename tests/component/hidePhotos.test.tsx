import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetTaroMock } from './mocks/taro';
import { ApiCallError, call } from '../../src/services';
import { HidePhotos } from '../../src/components/HidePhotos';

jest.mock('../../src/services', () => ({
  ...jest.requireActual('../../src/services'),
  call: jest.fn(),
}));

const mockedCall = call as jest.MockedFunction<typeof call>;
const PHOTOS = ['local://aaa111.png', 'local://bbb222.jpg'];

beforeEach(() => {
  resetTaroMock();
  mockedCall.mockReset();
});

const open = async (nth: number) => {
  fireEvent.click(screen.getByRole('button', { name: `隐藏第${nth}张照片` }));
  return screen.findByRole('dialog');
};

describe('staff hide a photo (admin.hidePhoto)', () => {
  it('asks first, needs a reason, then hides that photo and reads the record again', async () => {
    mockedCall.mockResolvedValue({ ok: true } as never);
    const onHidden = jest.fn();
    render(<HidePhotos refType="order" refId="o_1" fileIds={PHOTOS} onHidden={onHidden} />);

    const dialog = await open(2);
    expect(within(dialog).getByText(/确认隐藏这张照片/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: '确认隐藏' }));
    });
    // HidePhotoInput's own message; nothing sent.
    await within(dialog).findByText('请填写隐藏原因');
    expect(mockedCall).not.toHaveBeenCalled();

    fireEvent.change(within(dialog).getByPlaceholderText('如：照片含有居民门牌等隐私信息'), { target: { value: '照片拍到了门牌号' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: '确认隐藏' }));
    });
    await waitFor(() => expect(onHidden).toHaveBeenCalledTimes(1));
    expect(mockedCall).toHaveBeenCalledWith('admin', 'hidePhoto', { refType: 'order', refId: 'o_1', fileId: 'local://bbb222.jpg', reason: '照片拍到了门牌号' });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '照片已隐藏', icon: 'success' });
  });

  it('keeps the dialog open with the function’s words when it refuses', async () => {
    mockedCall.mockRejectedValue(new ApiCallError({ code: 'NOT_FOUND', message: '该图片不存在或已隐藏' }));
    const onHidden = jest.fn();
    render(<HidePhotos refType="wish" refId="w_1" fileIds={PHOTOS} onHidden={onHidden} />);
    const dialog = await open(1);
    fireEvent.change(within(dialog).getByPlaceholderText('如：照片含有居民门牌等隐私信息'), { target: { value: '不文明' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: '确认隐藏' }));
    });
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '该图片不存在或已隐藏', icon: 'none' }));
    expect(onHidden).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('shows nothing when there is no photo', () => {
    const { container } = render(<HidePhotos refType="wish" refId="w_1" fileIds={[]} onHidden={jest.fn()} />);
    expect(container.textContent).toBe('');
  });
});
