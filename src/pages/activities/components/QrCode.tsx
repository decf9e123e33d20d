import { Image, Text, View } from '@tarojs/components';
import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

/**
 * qrcode-generator's ESM build (the one webpack picks) encodes each UTF-16 unit as one byte; this
 * encodes UTF-8 instead, so anything beyond ASCII would still decode correctly.
 */
const utf8Bytes = (text: string): number[] => {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      code = 0x10000 + ((code - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00);
    }
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  }
  return bytes;
};

qrcode.stringToBytes = utf8Bytes;

/** A GIF data URL that <Image> shows in WeChat and in the browser alike. */
export const qrDataUrl = (text: string, cellSize = 8): string => {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  return qr.createDataURL(cellSize, cellSize * 2);
};

export interface QrCodeProps {
  /** What the scanner reads. */
  value: string;
  /** Shown under the code, so it can be read out or typed when a camera is not at hand. */
  caption?: string;
}

export const QrCode = ({ value, caption }: QrCodeProps) => {
  const src = useMemo(() => qrDataUrl(value), [value]);
  return (
    <View className="qr">
      <Image className="qr__image" src={src} mode="aspectFit" />
      {caption ? <Text className="qr__caption">{caption}</Text> : null}
    </View>
  );
};
