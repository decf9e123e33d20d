import { createHash, randomBytes } from 'node:crypto';

/** A deterministic id: the same parts always give the same id, so a retried write hits DuplicateKey. */
export const stableId = (prefix: string, ...parts: string[]): string =>
  `${prefix}_${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24)}`;

export const randomId = (prefix = ''): string => `${prefix}${Date.now().toString(36)}${randomBytes(6).toString('hex')}`;
