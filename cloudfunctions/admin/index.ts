import { cloudbaseMain } from '../_adapters/cloudbase/cloudbaseMain';
import { adminFunction } from '../_core/admin/adminFunction';

export const main = cloudbaseMain(adminFunction);
