import Taro from '@tarojs/taro';
import { MAX_UPLOAD_BYTES, UPLOAD_TYPES } from '../../types/constants/files';
import { ApiCallError } from './apiCallError';
import { getToken } from './session';

const tooLarge = () => new ApiCallError({ code: 'VALIDATION', message: '图片不能超过5MB' });

const extensionOf = (path: string) => {
  const match = /\.(jpe?g|png|webp)(?:\?|$)/i.exec(path);
  return match ? match[1].toLowerCase().replace('jpeg', 'jpg') : 'jpg';
};

const uploadToCloud = async (path: string): Promise<string> => {
  const day = new Date().toISOString().slice(0, 10);
  const name = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.${extensionOf(path)}`;
  const result = await Taro.cloud.uploadFile({ cloudPath: `photos/${day}/${name}`, filePath: path });
  return result.fileID;
};

/** Local mode's stand-in for cloud storage: the gateway checks type and size and stores the bytes. */
const uploadToGateway = async (path: string): Promise<string> => {
  const blob = await (await fetch(path)).blob();
  if (blob.size > MAX_UPLOAD_BYTES) throw tooLarge();
  const type = blob.type in UPLOAD_TYPES ? blob.type : 'application/octet-stream';
  const response = await fetch('/api/files', {
    method: 'POST',
    headers: { 'Content-Type': type, Authorization: `Bearer ${getToken() ?? ''}` },
    body: blob,
  });
  const body = (await response.json().catch(() => null)) as { fileId?: string; error?: string } | null;
  if (!response.ok || !body?.fileId) throw new ApiCallError({ code: 'VALIDATION', message: body?.error ?? '图片上传失败，请重试' });
  return body.fileId;
};

/**
 * Uploads one photo chosen with `Taro.chooseImage` and answers the file id the functions accept:
 * `cloud://…` in WeChat (CloudBase storage), `local://…` in local mode.
 */
export const uploadPhoto = async (file: { path: string; size?: number }): Promise<string> => {
  if (file.size !== undefined && file.size > MAX_UPLOAD_BYTES) throw tooLarge();
  return process.env.TARO_ENV === 'weapp' ? uploadToCloud(file.path) : uploadToGateway(file.path);
};

/** What an <Image src> needs for a stored photo: WeChat resolves cloud:// itself. */
export const photoSrc = (fileId: string): string =>
  fileId.startsWith('local://') ? `/files/${fileId.slice('local://'.length)}` : fileId;
