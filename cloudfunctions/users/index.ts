import { cloudbaseMain } from '../_adapters/cloudbase/cloudbaseMain';
import { usersFunction } from '../_core/users/usersFunction';

export const main = cloudbaseMain(usersFunction);
