import { cloudbaseMain } from '../_adapters/cloudbase/cloudbaseMain';
import { ordersFunction } from '../_core/menu/ordersFunction';

export const main = cloudbaseMain(ordersFunction);
