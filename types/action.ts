import type { z } from './zod';

export interface ActionContract<I extends z.ZodMiniType = z.ZodMiniType, O extends z.ZodMiniType = z.ZodMiniType> {
  input: I;
  output: O;
}

export const action = <I extends z.ZodMiniType, O extends z.ZodMiniType>(input: I, output: O): ActionContract<I, O> => ({
  input,
  output,
});
