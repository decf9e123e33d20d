import { cloudbaseMain } from '../_adapters/cloudbase/cloudbaseMain';
import { reportsFunction } from '../_core/reports/reportsFunction';

export const main = cloudbaseMain(reportsFunction);
