import { createTokenSigner } from '../../cloudfunctions/_local/tokens';

describe('local session tokens', () => {
  const signer = createTokenSigner('secret-a');

  test('a token issued for an openid verifies to that openid, Chinese and symbols included', () => {
    for (const openid of ['demo-staff-li', 'wx-新用户-1', 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M']) {
      expect(signer.verify(signer.issue(openid))).toBe(openid);
    }
  });

  test('a tampered, truncated or foreign token verifies to nobody', () => {
    const token = signer.issue('demo-resident-sun');
    const [payload, signature] = token.split('.');
    const forged = `${Buffer.from('demo-staff-li').toString('base64url')}.${signature}`;
    expect(signer.verify(forged)).toBeNull();
    expect(signer.verify(payload)).toBeNull();
    expect(signer.verify(`${payload}.${signature.slice(1)}`)).toBeNull();
    expect(createTokenSigner('secret-b').verify(token)).toBeNull();
  });
});
