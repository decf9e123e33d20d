import { cloudbaseMain } from '../_adapters/cloudbase/cloudbaseMain';
import { wishesFunction } from '../_core/wishes/wishesFunction';

export const main = cloudbaseMain(wishesFunction);
