import { defineFunction } from '../runtime/defineFunction';
import { hidePhoto } from '../security/mediaChecks';
import { dashboard } from './dashboard';
import { staffActions } from './staffActions';
import { createStaffInvite } from './staffInvites';

/**
 * 街道管理员: communities, staff (appointed from registered users or by invitation), the
 * cross-community dashboard; and hiding a photo, which staff may do in their own community.
 */
export const adminFunction = defineFunction('admin', {
  ...staffActions,
  createStaffInvite,
  dashboard,
  hidePhoto,
});
