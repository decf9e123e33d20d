import type { Ports } from '../ports';
import { DomainError } from '../runtime/domainError';

/** A photo id in a request must name a file that was really uploaded. */
export const assertUploaded = async (ports: Ports, fileIds: readonly string[], field = 'photos'): Promise<void> => {
  const found = await Promise.all(fileIds.map((id) => ports.files.exists(id)));
  const missing = found.indexOf(false);
  if (missing >= 0) {
    throw new DomainError('VALIDATION', '图片不存在或已失效，请重新上传', { [`${field}.${missing}`]: '图片不存在或已失效，请重新上传' });
  }
};
