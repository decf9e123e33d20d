/**
 * Reads an .xlsx workbook as tests need it: every sheet by name, as rows of cell values (strings
 * and numbers; null where a row has no cell). Enough of the format for what write-excel-file
 * writes: a zip (stored or deflated), shared strings, numbers.
 */
import { inflateRawSync } from 'node:zlib';

/** Every file of a zip by name, found through its central directory. */
export const zipFiles = (zip: Buffer): Map<string, string> => {
  const files = new Map<string, string>();
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(eocd + 16);
  const entries = zip.readUInt16LE(eocd + 10);
  for (let i = 0; i < entries; i += 1) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(dataStart, dataStart + size);
    files.set(name, (method === 8 ? inflateRawSync(body) : body).toString('utf8'));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
};

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

const columnOf = (ref: string) => [...ref.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

export type SheetRows = Array<Array<string | number | null>>;

export const sheetsOf = (xlsx: Buffer): Record<string, SheetRows> => {
  const files = zipFiles(xlsx);
  if (xlsx.subarray(0, 2).toString() !== 'PK') throw new Error('not a zip');
  const strings = [...(files.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    unescape([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
  );
  const rels = new Map([...(files.get('xl/_rels/workbook.xml.rels') ?? '').matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const out: Record<string, SheetRows> = {};
  for (const m of (files.get('xl/workbook.xml') ?? '').matchAll(/<sheet ([^>]*)\/>/g)) {
    const name = unescape(/name="([^"]*)"/.exec(m[1])![1]);
    const target = rels.get(/r:id="([^"]*)"/.exec(m[1])![1])!;
    const xml = files.get(`xl/${target}`) ?? '';
    out[name] = [...xml.matchAll(/<row [^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)].map((row) => {
      const cells: Array<string | number | null> = [];
      for (const c of (row[1] ?? '').matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const v = /<v>([\s\S]*?)<\/v>/.exec(c[3] ?? '')?.[1];
        const inline = /<t[^>]*>([\s\S]*?)<\/t>/.exec(c[3] ?? '')?.[1];
        const col = columnOf(c[1]);
        while (cells.length < col) cells.push(null);
        cells[col] = /t="s"/.test(c[2]) ? strings[Number(v)] : inline !== undefined ? unescape(inline) : v === undefined ? null : Number(v);
      }
      return cells;
    });
  }
  return out;
};
