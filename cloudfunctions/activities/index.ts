import { cloudbaseMain } from '../_adapters/cloudbase/cloudbaseMain';
import { activitiesFunction } from '../_core/activities/activitiesFunction';

export const main = cloudbaseMain(activitiesFunction);
