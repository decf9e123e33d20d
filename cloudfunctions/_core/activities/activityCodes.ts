import { randomBytes } from 'node:crypto';

// No 0/O, 1/I/L: codes may be read out or typed when a QR will not scan.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A random code of `length` characters (≈ 5 bits each: 10 characters ≈ 10^15 codes). */
export const randomCode = (length = 10): string => {
  const bytes = randomBytes(length);
  let code = '';
  for (const byte of bytes) code += ALPHABET[byte % ALPHABET.length];
  return code;
};

/** Names one seat reservation. */
export const seatToken = (): string => randomBytes(8).toString('hex');
