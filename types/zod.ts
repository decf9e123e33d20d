/**
 * The one zod entry point for contracts. `zod/mini` keeps the weapp main package small (≈17 KB
 * against ≈458 KB for the full build) and runs the same schemas on the server.
 */
import * as z from 'zod/mini';
import { zhCN } from 'zod/locales';

// WeChat forbids `new Function`; jitless keeps zod from probing for it.
z.config({ ...zhCN(), jitless: true });

export { z };
