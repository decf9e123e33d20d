/**
 * The one zod entry point for contracts. `zod/mini` keeps the weapp main package small (≈17 KB
 * against ≈458 KB for the full build) and runs the same schemas on the server; `./zodMini` names
 * the parts in use so bundlers can drop the rest.
 */
import { config } from 'zod/mini';
import { zhCN } from 'zod/locales';

// WeChat forbids `new Function`; jitless keeps zod from probing for it.
config({ ...zhCN(), jitless: true });

export * as z from './zodMini';
