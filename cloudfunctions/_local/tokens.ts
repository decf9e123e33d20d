import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Local-mode session tokens: `base64url(openid).signature`. They stand in for the identity WeChat
 * injects into a cloud function's context; the handler still only ever sees an openid.
 */
export const createTokenSigner = (secret: string) => {
  const sign = (payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');
  return {
    issue(openid: string): string {
      const payload = Buffer.from(openid, 'utf8').toString('base64url');
      return `${payload}.${sign(payload)}`;
    },
    verify(token: string): string | null {
      const [payload, signature] = token.split('.');
      if (!payload || !signature) return null;
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      return Buffer.from(payload, 'base64url').toString('utf8');
    },
  };
};

export type TokenSigner = ReturnType<typeof createTokenSigner>;
