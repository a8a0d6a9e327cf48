import { closeSync, createReadStream, openSync, readSync, fstatSync } from 'node:fs';
import { createInflateRaw, inflateRawSync } from 'node:zlib';

/**
 * Reads entries of a ZIP file (an .xlsx package) without loading the whole
 * file: the central directory says where each entry is, small parts inflate in
 * one go and big ones (sheet XML) stream through zlib. Stored and deflated
 * entries only (all that Excel, LibreOffice and WPS write); no ZIP64.
 */
export interface ZipEntry {
  name: string;
  method: number;
  csize: number;
  size: number;
  offset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

function readAt(fd: number, at: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, at + done);
    if (n === 0) break;
    done += n;
  }
  return done === length ? buf : buf.subarray(0, done);
}

export class ZipReader {
  readonly entries = new Map<string, ZipEntry>();
  private readonly fd: number;

  constructor(private readonly file: string) {
    this.fd = openSync(file, 'r');
    try {
      this.readDirectory();
    } catch (err) {
      closeSync(this.fd);
      throw err;
    }
  }

  private readDirectory(): void {
    const size = fstatSync(this.fd).size;
    // The end record is 22 bytes plus a comment of up to 65,535 bytes.
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = readAt(this.fd, size - tailLength, tailLength);
    let end = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        end = i;
        break;
      }
    }
    if (end < 0) throw new Error('not a ZIP file (no end of central directory)');
    const count = tail.readUInt16LE(end + 10);
    const dirSize = tail.readUInt32LE(end + 12);
    const dirAt = tail.readUInt32LE(end + 16);
    if (dirAt === 0xffffffff || count === 0xffff) throw new Error('ZIP64 files are not supported');
    const dir = readAt(this.fd, dirAt, dirSize);
    let p = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) throw new Error('damaged ZIP central directory');
      const nameLength = dir.readUInt16LE(p + 28);
      const extraLength = dir.readUInt16LE(p + 30);
      const commentLength = dir.readUInt16LE(p + 32);
      const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
      this.entries.set(name, { name, method: dir.readUInt16LE(p + 10), csize: dir.readUInt32LE(p + 20), size: dir.readUInt32LE(p + 24), offset: dir.readUInt32LE(p + 42) });
      p += 46 + nameLength + extraLength + commentLength;
    }
  }

  /** Where an entry's data starts: after its local header, whose extra field may differ from the central one. */
  private dataStart(e: ZipEntry): number {
    const h = readAt(this.fd, e.offset, 30);
    if (h.length < 30 || h.readUInt32LE(0) !== LOCAL) throw new Error(`damaged ZIP entry ${e.name}`);
    if (e.method !== STORED && e.method !== DEFLATED) throw new Error(`${e.name} uses an unsupported compression method (${e.method})`);
    return e.offset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28);
  }

  /** A (small) entry as text, or null when the package has no such entry. */
  text(name: string): string | null {
    const e = this.entries.get(name);
    if (!e) return null;
    const raw = readAt(this.fd, this.dataStart(e), e.csize);
    return (e.method === STORED ? raw : inflateRawSync(raw)).toString('utf8');
  }

  /** A (big) entry as UTF-8 text chunks, inflated as they are read. */
  async *textChunks(name: string): AsyncGenerator<string> {
    const e = this.entries.get(name);
    if (!e) throw new Error(`the package has no part ${name}`);
    const start = this.dataStart(e);
    const raw = createReadStream(this.file, { start, end: start + e.csize - 1, highWaterMark: 1 << 20 });
    const source = e.method === STORED ? raw : raw.pipe(createInflateRaw());
    raw.on('error', (err) => source.destroy(err));
    const decoder = new TextDecoder('utf-8');
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) yield decoder.decode(chunk, { stream: true });
      const rest = decoder.decode();
      if (rest) yield rest;
    } finally {
      raw.destroy();
      if (source !== raw) source.destroy();
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}
