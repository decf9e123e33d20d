import { ordersFunction } from './orders/ordersFunction';
import { usersFunction } from './users/usersFunction';
import { pointsFunction } from './points/pointsFunction';
import { wishesFunction } from './wishes/wishesFunction';
import { activitiesFunction } from './activities/activitiesFunction';
import { reportsFunction } from './reports/reportsFunction';
import { adminFunction } from './admin/adminFunction';

/** Every deployable function, by name: the local gateway and the build read this list. */
export const FUNCTIONS = {
  users: usersFunction,
  orders: ordersFunction,
  points: pointsFunction,
  wishes: wishesFunction,
  activities: activitiesFunction,
  reports: reportsFunction,
  admin: adminFunction,
} as const;
