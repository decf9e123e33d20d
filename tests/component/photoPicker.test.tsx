import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetTaroMock } from './mocks/taro';
import { uploadPhoto } from '../../src/services';
import { PhotoPicker } from '../../src/pages/wishes/components/PhotoPicker';

jest.mock('../../src/services', () => ({ ...jest.requireActual('../../src/services'), uploadPhoto: jest.fn() }));

const chooseImage = jest.fn();
beforeEach(() => {
  resetTaroMock();
  chooseImage.mockReset();
  (uploadPhoto as jest.Mock).mockReset();
  (Taro as unknown as { chooseImage: jest.Mock }).chooseImage = chooseImage;
});

const tapAdd = async () => {
  await act(async () => {
    fireEvent.click(screen.getByText('添加照片'));
  });
};

describe('photo picker (issue 13 bug 10)', () => {
  it('says so when the chosen file is not an image, and uploads nothing', async () => {
    chooseImage.mockResolvedValue({ tempFiles: [{ path: 'wxfile://tmp/notes.txt', size: 120 }] });
    const onChange = jest.fn();
    render(<PhotoPicker value={[]} max={3} onChange={onChange} />);
    await tapAdd();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '只能上传 JPG、PNG 或 WEBP 格式的图片', icon: 'none' });
    expect(uploadPhoto).not.toHaveBeenCalled();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('uploads an image and stays quiet when the picker is closed', async () => {
    chooseImage.mockResolvedValueOnce({ tempFiles: [{ path: 'wxfile://tmp/radio.jpg', size: 120 }] });
    (uploadPhoto as jest.Mock).mockResolvedValue('cloud://env.photos/radio.jpg');
    const onChange = jest.fn();
    render(<PhotoPicker value={[]} max={3} onChange={onChange} />);
    await tapAdd();
    expect(onChange).toHaveBeenCalledWith(['cloud://env.photos/radio.jpg']);

    chooseImage.mockRejectedValueOnce({ errMsg: 'chooseImage:fail cancel' });
    await tapAdd();
    expect(Taro.showToast).not.toHaveBeenCalled();
  });
});
