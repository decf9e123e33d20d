import { defineFunction } from '../runtime/defineFunction';
import { attendanceActions } from './attendanceActions';
import { menuAdminActions } from './menuAdminActions';
import { signupActions } from './signupActions';
import { planningActions } from './carryForward';

/** The 党群服务菜单: monthly menus, sign-ups with a waitlist, check-in, ratings and no-show blocks. */
export const activitiesFunction = defineFunction('activities', {
  ...menuAdminActions,
  ...signupActions,
  ...attendanceActions,
  ...planningActions,
});
