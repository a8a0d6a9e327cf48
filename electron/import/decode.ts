import { isUtf8 } from 'node:buffer';

/**
 * Text encodings of CSV files as they arrive: UTF-8 with or without BOM,
 * GB18030/GBK (Excel "CSV" on Chinese Windows) and UTF-16 (Excel "Unicode text").
 */
export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** Maps what people type (--encoding GBK, utf8, UTF-16) to one of ours; GBK is read as its superset GB18030. */
export function encodingFromName(name: string): Encoding {
  const n = name.trim().toLowerCase().replace(/_/g, '-');
  if (n === 'utf8' || n === 'utf-8' || n === 'utf-8-bom') return 'utf-8';
  if (n === 'gbk' || n === 'gb2312' || n === 'gb18030' || n === 'cp936') return 'gb18030';
  if (n === 'utf-16' || n === 'utf16' || n === 'utf-16le' || n === 'utf16le' || n === 'ucs-2') return 'utf-16le';
  if (n === 'utf-16be' || n === 'utf16be') return 'utf-16be';
  throw new Error(`unknown encoding "${name}" (use utf-8, gbk/gb18030, utf-16le or utf-16be)`);
}

/** Reads the BOM, then tries strict UTF-8, then looks for UTF-16's zero bytes; anything else is GB18030. */
export function detectEncoding(buf: Uint8Array): Encoding {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  // Without a BOM, UTF-16 text of mostly ASCII has a zero in every other byte.
  const probe = buf.subarray(0, Math.min(buf.length, 4096));
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < probe.length; i++) {
    if (probe[i] !== 0) continue;
    if (i % 2 === 0) evenZero++;
    else oddZero++;
  }
  if (oddZero > probe.length / 8 && evenZero === 0) return 'utf-16le';
  if (evenZero > probe.length / 8 && oddZero === 0) return 'utf-16be';
  // A native validity check: decoding the whole file just to test it cost as much as the decode itself.
  return isUtf8(buf) ? 'utf-8' : 'gb18030';
}

/** Decodes the bytes (dropping a BOM); bytes that are invalid in the chosen encoding fail with a clear message. */
export function decodeText(buf: Uint8Array, encoding: Encoding, file: string): string {
  try {
    // ignoreBOM false (the default) strips a leading BOM of the chosen encoding.
    return new TextDecoder(encoding, { fatal: true }).decode(buf);
  } catch {
    throw new Error(`${file}: the file is not valid ${encoding}; choose another encoding`);
  }
}
