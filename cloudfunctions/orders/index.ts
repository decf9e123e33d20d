import { cloudbaseMain } from '../_adapters/cloudbase/cloudbaseMain';
import { ordersFunction } from '../_core/orders/ordersFunction';

export const main = cloudbaseMain(ordersFunction);
