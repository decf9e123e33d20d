/**
 * The local stand-in for WeChat's content security, deterministic so that tests can rely on it:
 * - text: refused (`risky`) when it contains a word of a small list, passed otherwise;
 * - images: every submitted image gets a trace id; its verdict is `risky` when the file's bytes
 *   contain the marker LINLI-RISKY, `pass` otherwise, and is queued as the push WeChat would send
 *   later. Local mode delivers the queue after each timer tick, tests when they choose.
 * Nothing here resembles WeChat's real judgement; README says so.
 */
import { readFileSync } from 'node:fs';
import type { Security, TextVerdict } from '../../_core/ports';
import type { MediaVerdictEvent } from '../../_core/security/mediaChecks';
import { stableId } from '../../_core/runtime/ids';

/** Words the local checker refuses, with the label WeChat's v2 check gives such content. */
export const LOCAL_RISKY_WORDS: Record<string, number> = {
  违禁测试: 21000,
  赌博: 20006,
  博彩: 20006,
  代开发票: 20008,
  枪支: 20006,
  毒品: 20006,
  色情: 20002,
};

export const RISKY_IMAGE_MARKER = 'LINLI-RISKY';

export const createLocalSecurity = (options: { pathOf?: (fileId: string) => string | null } = {}) => {
  const queued: MediaVerdictEvent[] = [];
  let submitted = 0;
  const risky = (fileId: string): boolean => {
    const path = options.pathOf?.(fileId);
    if (!path) return false;
    try {
      return readFileSync(path).includes(RISKY_IMAGE_MARKER);
    } catch {
      return false;
    }
  };
  const security: Security = {
    async checkText({ content }): Promise<TextVerdict> {
      const hit = Object.keys(LOCAL_RISKY_WORDS).find((w) => content.includes(w));
      return hit ? { suggest: 'risky', label: LOCAL_RISKY_WORDS[hit] } : { suggest: 'pass', label: 100 };
    },
    async submitImage({ fileId }) {
      const traceId = stableId('trace', fileId, String(++submitted), String(Date.now()));
      const bad = risky(fileId);
      queued.push({ Event: 'wxa_media_check', trace_id: traceId, version: 2, errcode: 0, result: { suggest: bad ? 'risky' : 'pass', label: bad ? 20002 : 100 } });
      return { traceId };
    },
  };
  return {
    security,
    /** The verdict pushes not delivered yet, in order; taking them empties the queue. */
    takeVerdicts: (): MediaVerdictEvent[] => queued.splice(0, queued.length),
  };
};

export type LocalSecurity = ReturnType<typeof createLocalSecurity>;
