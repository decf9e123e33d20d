import { cloudbaseScheduler } from '../_adapters/cloudbase/cloudbaseMain';

/** The timer trigger (config.json, every 10 minutes) runs every timed rule once. */
export const main = cloudbaseScheduler();
