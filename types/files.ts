import { z } from './zod';
export * from './constants/files';

/**
 * A stored photo: `cloud://…` (CloudBase storage, uploaded by the mini-program with
 * `Taro.cloud.uploadFile`) or `local://…` (local mode, uploaded to the gateway).
 */
export const FileId = z.string({ error: '图片格式不正确' }).check(
  z.maxLength(300, '图片地址过长'),
  z.regex(/^(cloud:\/\/[\w.\-/]+|local:\/\/[a-z0-9]+\.(jpg|png|webp))$/, '图片地址不正确，请重新上传'),
);

export const Photos = (label: string, max: number) =>
  z.array(FileId).check(z.maxLength(max, `${label}最多${max}张`));

