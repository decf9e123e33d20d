import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { Store } from '../_core/store/port';
import type { UserDoc } from '../_core/users/userDoc';
import { ROLE_LABELS } from '../../types/users';
import type { Handlers } from './localApp';
import { UploadRejected, type LocalFiles } from '../_adapters/files/localFiles';
import { MAX_UPLOAD_BYTES } from '../../types/files';
import type { TokenSigner } from './tokens';
import { randomId } from '../_core/runtime/ids';
import { userIdFor } from '../_core/users/userDoc';
import type { Outbox } from '../_adapters/local/outbox';

export interface GatewayOptions {
  handlers: Handlers;
  store: Store;
  tokens: TokenSigner;
  files: LocalFiles;
  /** The built h5 app; absent → API only. */
  staticDir?: string;
  /** Demo login endpoints: local mode only. */
  devLogin: boolean;
  /** The subscribe messages that would have gone to WeChat (local mode): staff read them at GET /api/dev/outbox. */
  outbox?: Outbox;
  maxBodyBytes?: number;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

class TransportError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const sendJson = (res: ServerResponse, status: number, body: unknown) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
};

/** The body, up to `limit` bytes; an oversized body is drained, not kept, so the client still reads the 413. */
const readBytes = (req: IncomingMessage, limit: number, tooLarge: string): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => (size > limit ? reject(new TransportError(413, tooLarge)) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });

const readJson = async (req: IncomingMessage, limit: number): Promise<unknown> => {
  const text = (await readBytes(req, limit, '请求体过大')).toString('utf8');
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new TransportError(400, '请求体不是合法的 JSON');
  }
};

const bearer = (req: IncomingMessage): string | null => {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
};

const serveStatic = (res: ServerResponse, root: string, urlPath: string) => {
  const relative = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  let file = join(root, relative);
  if (!file.startsWith(root + sep) && file !== root) throw new TransportError(403, 'forbidden');
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) throw new TransportError(404, '前端尚未构建：请运行 npm start');
  const type = MIME[extname(file)] ?? 'application/octet-stream';
  const cache = file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600';
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': cache });
  createReadStream(file).pipe(res);
};

/**
 * The local gateway: `POST /api/<function>` carries the same event WeChat's `callFunction` would,
 * and the bearer token becomes the platform identity the handler sees. Domain refusals are HTTP 200
 * with `ok:false`; only transport faults use 4xx/5xx.
 */
export const createGateway = (options: GatewayOptions): Server => {
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  const devUsers = async () => {
    const users = await options.store.find<UserDoc>('users', { openid: { $op: 'exists', value: true } }, { limit: 100, orderBy: [['createdAt', 'asc']] });
    const communities = new Map<string, string>();
    for (const user of users) {
      // The street admin belongs to no community (communityId ''): nothing to look up, and an
      // empty id is not one the store accepts.
      if (!user.communityId) continue;
      if (!communities.has(user.communityId)) {
        const community = await options.store.get<{ _id: string; name: string }>('communities', user.communityId);
        communities.set(user.communityId, community?.name ?? '');
      }
    }
    return users
      .filter((user) => user.openid.startsWith('demo-'))
      .map((user) => ({
        id: user._id,
        name: user.name,
        role: user.role,
        roleLabel: ROLE_LABELS[user.role],
        communityId: user.communityId,
        communityName: communities.get(user.communityId) ?? '',
        elderly: user.elderly,
      }));
  };

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;

    if (options.devLogin && path === '/api/dev/users' && req.method === 'GET') {
      return sendJson(res, 200, await devUsers());
    }
    // Local mode only: what would have been sent as subscribe messages, newest first. Staff see
    // their community's, the street admin everyone's.
    if (options.devLogin && options.outbox && path === '/api/dev/outbox' && req.method === 'GET') {
      const token = bearer(req);
      const openid = token ? options.tokens.verify(token) : null;
      if (!openid) throw new TransportError(401, '请先登录');
      const viewer = await options.store.get<UserDoc>('users', userIdFor(openid));
      if (!viewer || (viewer.role !== 'staff' && viewer.role !== 'admin')) throw new TransportError(403, '只有社区工作者和街道管理员可以查看发件箱');
      const entries = options.outbox
        .entries()
        .filter((e) => viewer.role === 'admin' || e.communityId === viewer.communityId)
        .reverse()
        .slice(0, 200);
      // Staff read who a message went to by name (the local page lists them).
      const names = new Map<string, string>();
      for (const { userId } of entries) {
        if (!names.has(userId)) names.set(userId, (await options.store.get<UserDoc>('users', userId))?.name ?? '');
      }
      // The openid stays on the server, as in the cloud.
      const items = entries.map(({ touser: _touser, ...entry }) => ({ ...entry, userName: names.get(entry.userId) ?? '' }));
      return sendJson(res, 200, { items });
    }
    if (options.devLogin && path === '/api/dev/login' && req.method === 'POST') {
      const body = (await readJson(req, limit)) as { userId?: unknown; newUser?: unknown };
      if (body.newUser === true) {
        const openid = `wx-new-${randomId()}`;
        return sendJson(res, 200, { token: options.tokens.issue(openid), user: null });
      }
      const user = typeof body.userId === 'string' ? await options.store.get<UserDoc>('users', body.userId) : null;
      if (!user) throw new TransportError(404, '演示用户不存在');
      return sendJson(res, 200, { token: options.tokens.issue(user.openid), user: { id: user._id, name: user.name, role: user.role } });
    }

    // Local stand-in for Taro.cloud.uploadFile: the raw image as the body, answered with a file id.
    if (path === '/api/files' && req.method === 'POST') {
      const token = bearer(req);
      if (!token || !options.tokens.verify(token)) throw new TransportError(401, '请先登录');
      const bytes = await readBytes(req, MAX_UPLOAD_BYTES, '图片不能超过5MB');
      try {
        const fileId = options.files.save(bytes, String(req.headers['content-type'] ?? ''));
        return sendJson(res, 200, { fileId, url: `/files/${fileId.slice('local://'.length)}` });
      } catch (e) {
        if (e instanceof UploadRejected) throw new TransportError(415, e.message);
        throw e;
      }
    }
    if (path.startsWith('/files/') && req.method === 'GET') {
      const file = options.files.pathOf(`local://${path.slice('/files/'.length)}`);
      if (!file || !existsSync(file)) throw new TransportError(404, '图片不存在');
      res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'public, max-age=86400' });
      return createReadStream(file).pipe(res);
    }

    const match = /^\/api\/([a-z]+)$/.exec(path);
    if (match) {
      if (req.method !== 'POST') throw new TransportError(405, '请使用 POST');
      const handler = options.handlers[match[1] as keyof Handlers];
      if (!handler) throw new TransportError(404, `没有名为 ${match[1]} 的云函数`);
      const event = await readJson(req, limit);
      const token = bearer(req);
      const openid = token ? options.tokens.verify(token) : null;
      if (token && !openid) throw new TransportError(401, '登录已失效，请重新登录');
      return sendJson(res, 200, await handler(event, { openid }));
    }
    if (path.startsWith('/api/')) throw new TransportError(404, '接口不存在');

    if (!options.staticDir) throw new TransportError(404, 'not found');
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new TransportError(405, 'method not allowed');
    return serveStatic(res, options.staticDir, path);
  };

  return createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      const status = e instanceof TransportError ? e.status : 500;
      if (status === 500) console.error('[gateway]', e);
      if (!res.headersSent) sendJson(res, status, { error: e instanceof TransportError ? e.message : '服务器内部错误' });
      else res.end();
    });
  });
};

