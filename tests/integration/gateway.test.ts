import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGateway } from '../../cloudfunctions/_local/gateway';
import { createTokenSigner } from '../../cloudfunctions/_local/tokens';
import { openHarness, type Harness } from '../support/harness';
import { PNG } from '../support/orderFixtures';

let h: Harness;
let server: Server;
let bare: Server;
let base: string;
let bareBase: string;
const tokens = createTokenSigner('test-secret');

const listen = (s: Server) =>
  new Promise<string>((resolve) => s.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)));

beforeAll(async () => {
  h = await openHarness();
  const staticDir = mkdtempSync(join(tmpdir(), 'linli-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>邻里服务</title>');
  server = createGateway({ handlers: h.app.handlers, store: h.store, tokens, files: h.app.files, staticDir, devLogin: true });
  bare = createGateway({ handlers: h.app.handlers, store: h.store, tokens, files: h.app.files, devLogin: false });
  base = await listen(server);
  bareBase = await listen(bare);
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await new Promise((r) => bare.close(r));
  await h.close();
});

const post = (url: string, body: unknown, token?: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('local gateway protocol', () => {
  test('dev users list the demo community and its roles; dev login gives a token that the functions accept', async () => {
    const users = (await (await fetch(`${base}/api/dev/users`)).json()) as Array<{ id: string; name: string; role: string; communityName: string }>;
    expect(users.filter((u) => u.communityName === '假日润园社区').map((u) => u.role).sort()).toEqual(
      ['member', 'member', 'member', 'resident', 'resident', 'resident', 'resident', 'resident', 'staff'].sort(),
    );
    const staff = users.find((u) => u.role === 'staff' && u.communityName === '假日润园社区')!;
    const login = (await (await post(`${base}/api/dev/login`, { userId: staff.id })).json()) as { token: string };
    const me = await (await post(`${base}/api/users`, { action: 'me', data: {} }, login.token)).json();
    expect(me).toEqual({ ok: true, data: { user: expect.objectContaining({ name: '李红梅', role: 'staff' }) } });
  });

  test('a new-user login is identified but unregistered', async () => {
    const login = (await (await post(`${base}/api/dev/login`, { newUser: true })).json()) as { token: string };
    const me = await (await post(`${base}/api/users`, { action: 'me', data: {} }, login.token)).json();
    expect(me).toEqual({ ok: true, data: { user: null } });
  });

  test('domain refusals are HTTP 200 envelopes; no token means no identity', async () => {
    const response = await post(`${base}/api/orders`, { action: 'listMenu', data: {} });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: false, error: expect.objectContaining({ code: 'UNAUTHENTICATED' }) });
  });

  test('transport faults use HTTP status codes', async () => {
    expect((await post(`${base}/api/orders`, '{not json')).status).toBe(400);
    expect((await post(`${base}/api/nosuch`, { action: 'x' })).status).toBe(404);
    expect((await fetch(`${base}/api/orders`)).status).toBe(405);
    expect((await post(`${base}/api/orders`, { action: 'listMenu' }, 'forged.token')).status).toBe(401);
    expect((await post(`${base}/api/orders`, { action: 'x', data: { blob: 'x'.repeat(2 * 1024 * 1024) } })).status).toBe(413);
  });

  test('photos upload with a session, are sniffed by their bytes, and are served back', async () => {
    const login = (await (await post(`${base}/api/dev/login`, { newUser: true })).json()) as { token: string };
    const upload = (body: Buffer, type: string, token?: string) =>
      fetch(`${base}/api/files`, { method: 'POST', headers: { 'Content-Type': type, ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: new Uint8Array(body) });
    const ok = await upload(PNG, 'image/png', login.token);
    expect(ok.status).toBe(200);
    const { fileId, url } = (await ok.json()) as { fileId: string; url: string };
    expect(fileId).toMatch(/^local:\/\/[a-z0-9]+\.png$/);
    expect(await h.app.files.exists(fileId)).toBe(true);
    const served = await fetch(`${base}${url}`);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG);

    expect((await upload(PNG, 'image/png')).status).toBe(401);
    const script = await upload(Buffer.from('<script>alert(1)</script>'), 'image/png', login.token);
    expect(script.status).toBe(415);
    expect(await script.json()).toEqual({ error: '只支持 JPG、PNG、WEBP 格式的图片' });
    expect((await upload(Buffer.alloc(6 * 1024 * 1024, 0xff), 'image/jpeg', login.token)).status).toBe(413);
  });

  test('dev login is absent outside local mode', async () => {
    expect((await fetch(`${bareBase}/api/dev/users`)).status).toBe(404);
    expect((await post(`${bareBase}/api/dev/login`, { newUser: true })).status).toBe(404);
  });

  test('the h5 app is served at / and unknown paths fall back to it', async () => {
    for (const path of ['/', '/index.html', '/pages/menu/index']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('邻里服务');
    }
    const traversal = await fetch(`${base}/..%2f..%2f..%2f..%2fetc%2fpasswd`);
    expect(await traversal.text()).not.toContain('root:');
  });
});
