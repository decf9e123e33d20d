import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_UPLOAD_BYTES, UPLOAD_TYPES } from '../../../types/files';
import type { Files } from '../../_core/ports';

export type UploadType = keyof typeof UPLOAD_TYPES;

/** Magic numbers: the declared content type must match the bytes. */
const sniff = (bytes: Buffer): UploadType | null => {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length > 12 && bytes.toString('ascii', 0, 4) === 'RIFF' && bytes.toString('ascii', 8, 12) === 'WEBP') return 'image/webp';
  return null;
};

export class UploadRejected extends Error {}

/** Local mode's file storage: `local://<name>` ids for files under `<dataDir>/uploads`. */
export const createLocalFiles = (dataDir: string) => {
  const dir = join(dataDir, 'uploads');
  mkdirSync(dir, { recursive: true });
  const pathOf = (fileId: string): string | null => {
    const match = /^local:\/\/([a-z0-9]+\.(?:jpg|png|webp))$/.exec(fileId);
    return match ? join(dir, match[1]) : null;
  };
  const files: Files & { save(bytes: Buffer, declaredType: string): string; pathOf(fileId: string): string | null } = {
    async exists(fileId) {
      const path = pathOf(fileId);
      return path !== null && existsSync(path);
    },
    save(bytes, declaredType) {
      if (bytes.length === 0) throw new UploadRejected('图片为空');
      if (bytes.length > MAX_UPLOAD_BYTES) throw new UploadRejected('图片不能超过5MB');
      const type = sniff(bytes);
      if (!type || (declaredType && declaredType !== type && declaredType !== 'application/octet-stream')) {
        throw new UploadRejected('只支持 JPG、PNG、WEBP 格式的图片');
      }
      const name = `${Date.now().toString(36)}${randomBytes(8).toString('hex')}.${UPLOAD_TYPES[type]}`;
      writeFileSync(join(dir, name), bytes);
      return `local://${name}`;
    },
    pathOf,
  };
  return files;
};

export type LocalFiles = ReturnType<typeof createLocalFiles>;
