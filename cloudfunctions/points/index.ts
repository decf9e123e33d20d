import { cloudbaseMain } from '../_adapters/cloudbase/cloudbaseMain';
import { pointsFunction } from '../_core/points/pointsFunction';

export const main = cloudbaseMain(pointsFunction);
