import { defineFunction } from '../runtime/defineFunction';

export const wishesFunction = defineFunction('wishes', {});
