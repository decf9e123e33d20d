/**
 * The files vocabulary without zod: states, labels and limits that pages show. The weapp main
 * package imports these from here so that it does not carry zod; ../files.ts re-exports them.
 */

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export const UPLOAD_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;
