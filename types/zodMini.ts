/**
 * The part of `zod/mini` the contracts use, named one by one. Re-exporting the whole `zod/mini`
 * namespace (`import * as z` … `export { z }`) stops webpack and esbuild from dropping what is
 * unused: the weapp vendors chunk grew by ≈ 450 KB (every locale, JSON Schema, the JIT compiler).
 * Add a name here when a contract needs it; tsc reports any `z.<name>` missing from this list.
 */
export {
  any,
  array,
  boolean,
  check,
  discriminatedUnion,
  enum,
  extend,
  gt,
  gte,
  int,
  length,
  literal,
  lt,
  lte,
  maxLength,
  minLength,
  nullable,
  nullish,
  number,
  object,
  optional,
  partial,
  pick,
  omit,
  prettifyError,
  record,
  refine,
  regex,
  string,
  trim,
  tuple,
  union,
  unknown,
} from 'zod/mini';
export type { core, infer, input, output, ZodMiniType } from 'zod/mini';
