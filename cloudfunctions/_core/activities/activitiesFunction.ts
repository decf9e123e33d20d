import { defineFunction } from '../runtime/defineFunction';

export const activitiesFunction = defineFunction('activities', {});
