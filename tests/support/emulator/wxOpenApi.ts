/**
 * WeChat's cloud-call route (云调用) as the CloudBase gateway carries it, for the function bundles:
 * `wx-server-sdk`'s `cloud.openapi.<api>(data)` reaches the platform as a multipart POST whose
 * `action` is `wx.openApi`, `apiName` the API and `requestData` a protobuf `CommApiData` (each
 * argument a key with its JSON value, in snake_case); the answer is a protobuf `CommOpenApiResp`
 * around WeChat's JSON. The field numbers are those of wx-server-sdk 4.0.2's `protobuf/openapi.js`.
 *
 * Answers as WeChat would: subscribeMessage.send → errcode 0 (43101 for a refused openid);
 * security.msgSecCheck → v2 `result` (risky for a word of the local list); mediaCheckAsync → a
 * trace id. Every call is recorded for the tests.
 */
import { Reader, Writer } from 'protobufjs/minimal';
import { LOCAL_RISKY_WORDS } from '../../../cloudfunctions/_adapters/local/localSecurity';

export type OpenApiCall = { api: string; data: Record<string, unknown> };

/** The fields of a multipart/form-data body (values as raw bytes). */
export const parseMultipart = (body: Buffer, contentType: string): Record<string, Buffer> => {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) return {};
  const marker = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const fields: Record<string, Buffer> = {};
  let start = body.indexOf(marker);
  while (start !== -1) {
    const next = body.indexOf(marker, start + marker.length);
    if (next === -1) break;
    const part = body.subarray(start + marker.length + 2, next - 2); // \r\n after the marker, before the next
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const name = /name="([^"]+)"/.exec(head)?.[1];
    if (name) fields[name] = part.subarray(split + 4);
    start = next;
  }
  return fields;
};

/** CommApiData { 1 apiType, 2 openapiData { 1 pairs: KeyValuePair { 1 key, 2 value } } }. */
const decodeRequest = (bytes: Uint8Array): Record<string, unknown> => {
  const data: Record<string, unknown> = {};
  const outer = Reader.create(bytes);
  while (outer.pos < outer.len) {
    const tag = outer.uint32();
    if (tag >>> 3 !== 2) {
      outer.skipType(tag & 7);
      continue;
    }
    const openapi = Reader.create(outer.bytes());
    while (openapi.pos < openapi.len) {
      const t = openapi.uint32();
      if (t >>> 3 !== 1) {
        openapi.skipType(t & 7);
        continue;
      }
      const pair = Reader.create(openapi.bytes());
      let key = '';
      let value: Uint8Array = new Uint8Array();
      while (pair.pos < pair.len) {
        const p = pair.uint32();
        if (p >>> 3 === 1) key = pair.string();
        else if (p >>> 3 === 2) value = pair.bytes();
        else pair.skipType(p & 7);
      }
      data[key] = JSON.parse(Buffer.from(value).toString('utf8'));
    }
  }
  return data;
};

/** CommOpenApiResp { 1 respData, 2 contentType }. */
const encodeResponse = (json: unknown): Buffer =>
  Buffer.from(Writer.create().uint32(10).bytes(Buffer.from(JSON.stringify(json))).uint32(18).string('application/json').finish());

export const createWxOpenApi = () => {
  const calls: OpenApiCall[] = [];
  const refused = new Set<string>();
  let traces = 0;
  const answer = (api: string, data: Record<string, unknown>): unknown => {
    switch (api) {
      case 'subscribeMessage.send':
        return refused.has(String(data.touser)) ? { errcode: 43101, errmsg: 'user refuse to accept the msg' } : { errcode: 0, errmsg: 'ok' };
      case 'security.msgSecCheck': {
        const hit = Object.keys(LOCAL_RISKY_WORDS).find((w) => String(data.content).includes(w));
        return { errcode: 0, errmsg: 'ok', result: hit ? { suggest: 'risky', label: LOCAL_RISKY_WORDS[hit] } : { suggest: 'pass', label: 100 }, trace_id: `t${++traces}` };
      }
      case 'security.mediaCheckAsync':
        return { errcode: 0, errmsg: 'ok', trace_id: `media-trace-${++traces}` };
      default:
        return { errcode: 40001, errmsg: `the emulator does not know ${api}` };
    }
  };
  return {
    calls,
    /** Sends to this openid fail with 43101. */
    refuse: (openid: string) => refused.add(openid),
    /** Handles a multipart `wx.openApi` request; null for anything else. */
    handle(fields: Record<string, Buffer>): Buffer | null {
      if (fields.action?.toString('utf8') !== 'wx.openApi') return null;
      const api = fields.apiName?.toString('utf8') ?? '';
      const data = decodeRequest(fields.requestData ?? Buffer.alloc(0));
      calls.push({ api, data });
      return encodeResponse(answer(api, data));
    },
  };
};

export type WxOpenApiEmulator = ReturnType<typeof createWxOpenApi>;
