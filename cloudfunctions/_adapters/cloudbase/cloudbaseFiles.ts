import type * as tcb from '@cloudbase/node-sdk';
import type { Files } from '../../_core/ports';

/** Photos live in CloudBase storage; a file exists when the storage can issue a URL for it. */
export const createCloudbaseFiles = (app: Pick<tcb.CloudBase, 'getTempFileURL'>): Files => ({
  async exists(fileId) {
    if (!fileId.startsWith('cloud://')) return false;
    const result = await app.getTempFileURL({ fileList: [fileId] });
    return result.fileList?.[0]?.code === 'SUCCESS';
  },
});
