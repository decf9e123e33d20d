export * from './errors';
export * from './common';
export * from './users';
export * from './menu';
export * from './api';
export { z } from './zod';
