import { ordersFunction } from './menu/ordersFunction';
import { usersFunction } from './users/usersFunction';

/** Every deployable function, by name: the local gateway and the build read this list. */
export const FUNCTIONS = {
  users: usersFunction,
  orders: ordersFunction,
} as const;
