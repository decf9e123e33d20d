import Taro from '@tarojs/taro';
import { UPLOAD_TYPES } from '../../types/constants/files';
import { ApiCallError } from './apiCallError';

export const NOT_AN_IMAGE = '只能上传 JPG、PNG 或 WEBP 格式的图片';

export interface ChosenPhoto {
  path: string;
  size: number;
}

/** A person who closes the picker has chosen nothing: not an error to report. */
export const isPickerCancel = (error: unknown): boolean => /cancel/i.test(String((error as { errMsg?: unknown } | null)?.errMsg ?? ''));

const notAnImage = () => new ApiCallError({ code: 'VALIDATION', message: NOT_AN_IMAGE });

/**
 * The browser's own file input, limited to the types the server stores: Taro's h5 chooseImage
 * hands over any file and a non-image then fails nowhere visible (issue 13, bug 10).
 */
const chooseInBrowser = (count: number): Promise<ChosenPhoto[]> =>
  new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = Object.keys(UPLOAD_TYPES).join(',');
    input.multiple = count > 1;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const files = Array.from(input.files ?? []).slice(0, count);
      input.remove();
      if (files.some((file) => !(file.type in UPLOAD_TYPES))) reject(notAnImage());
      else resolve(files.map((file) => ({ path: URL.createObjectURL(file), size: file.size })));
    });
    document.body.appendChild(input);
    input.click();
  });

/**
 * Up to `count` photos from the album or camera, each checked to be a JPG, PNG or WEBP; rejects
 * with an ApiCallError (VALIDATION, NOT_AN_IMAGE) otherwise, so the form can say so.
 */
export const choosePhotos = async (count: number): Promise<ChosenPhoto[]> => {
  if (process.env.TARO_ENV === 'h5') return chooseInBrowser(count);
  const chosen = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  const files = chosen.tempFiles.slice(0, count);
  // WeChat answers images only; a path with another ending (a forwarded file) is refused here too.
  if (files.some((file) => /\.[a-z0-9]+$/i.test(file.path) && !/\.(jpe?g|png|webp)$/i.test(file.path))) throw notAnImage();
  return files.map((file) => ({ path: file.path, size: file.size }));
};
