import { defineFunction } from '../runtime/defineFunction';
import { createOrder } from './createOrder';
import { dispatchBoard, getOrder, listMyOrders, listOrdersAdmin, myTasks, taskHall } from './orderQueries';
import { cancelOrder, completeOrder, declineOrder, dispatchOrder, grabOrder, rateOrder, startOrder } from './orderTransitions';
import { menuActions } from '../menu/menuActions';

/** 备菜 (the menu) and 点菜 → 送菜 → 评菜 (the orders) share one deployable function. */
export const ordersFunction = defineFunction('orders', {
  ...menuActions,
  createOrder,
  getOrder,
  listMyOrders,
  cancelOrder,
  rateOrder,
  taskHall,
  myTasks,
  grabOrder,
  declineOrder,
  startOrder,
  completeOrder,
  dispatchBoard,
  listOrdersAdmin,
  dispatchOrder,
});
