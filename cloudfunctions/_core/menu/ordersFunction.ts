import { defineFunction } from '../runtime/defineFunction';
import { menuActions } from './menuActions';

export const ordersFunction = defineFunction('orders', {
  ...menuActions,
});
