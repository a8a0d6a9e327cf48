import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { createInflateRaw, crc32, inflateRawSync } from 'node:zlib';
import { IMPORT_LIMITS } from './limits';

/**
 * Reads entries of a ZIP file (an .xlsx package) without loading the whole
 * file: the central directory says where each entry is, small parts inflate in
 * one go and big ones (sheet XML) stream through zlib. Every part read is held
 * to its declared size and CRC-32 and to the limits in limits.ts, counted as it
 * inflates, so a bomb stops at the first byte over. Stored and deflated entries
 * only (all that Excel, LibreOffice and WPS write); no ZIP64, no encryption.
 */
export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  csize: number;
  size: number;
  offset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const FLAG_ENCRYPTED = 1;
const FLAG_DESCRIPTOR = 8;
const MB = 1024 * 1024;

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

/** A part name that would leave the folder if the package were unpacked (zip slip) or that no Office writer makes. */
function unsafeName(name: string): boolean {
  return name === '' || name.startsWith('/') || name.includes('\\') || /^[a-zA-Z]:/.test(name) || name.split('/').includes('..') || name.includes('\0');
}

const mb = (n: number) => `${Math.round(n / MB)} MB`;

export class ZipReader {
  readonly entries = new Map<string, ZipEntry>();
  private readonly fd: number;
  private readonly size: number;
  /** Inflated bytes of every part read so far, against IMPORT_LIMITS.totalBytes. */
  private inflated = 0;

  constructor(private readonly file: string) {
    this.fd = openSync(file, 'r');
    try {
      this.size = fstatSync(this.fd).size;
      this.readDirectory();
    } catch (err) {
      closeSync(this.fd);
      throw err;
    }
  }

  private readDirectory(): void {
    const size = this.size;
    const head = readAt(this.fd, 0, Math.min(size, 8));
    // Office's encrypted packages (and .xls files) are OLE compound files, not ZIPs.
    if (head.length === 8 && head.readUInt32LE(0) === 0xe011cfd0 && head.readUInt32LE(4) === 0xe11ab1a1) {
      throw new Error('it is a password-protected workbook or an old .xls file (an OLE compound file); save it as an .xlsx without a password');
    }
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
    if (dirAt + dirSize > size) throw new Error('damaged ZIP central directory (it points past the end of the file)');
    const dir = readAt(this.fd, dirAt, dirSize);
    let p = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) throw new Error('damaged ZIP central directory');
      const nameLength = dir.readUInt16LE(p + 28);
      const extraLength = dir.readUInt16LE(p + 30);
      const commentLength = dir.readUInt16LE(p + 32);
      if (p + 46 + nameLength > dir.length) throw new Error('damaged ZIP central directory');
      const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
      const entry: ZipEntry = {
        name,
        flags: dir.readUInt16LE(p + 8),
        method: dir.readUInt16LE(p + 10),
        crc: dir.readUInt32LE(p + 16),
        csize: dir.readUInt32LE(p + 20),
        size: dir.readUInt32LE(p + 24),
        offset: dir.readUInt32LE(p + 42),
      };
      if (unsafeName(name)) throw new Error(`the package holds an entry with an unsafe name (${JSON.stringify(name.slice(0, 100))})`);
      if (this.entries.has(name)) throw new Error(`the package holds two entries named ${name}`);
      if (entry.flags & FLAG_ENCRYPTED) throw new Error(`${name} is encrypted; save the workbook without a password`);
      if (entry.csize === 0xffffffff || entry.size === 0xffffffff || entry.offset === 0xffffffff) throw new Error('ZIP64 files are not supported');
      if (entry.offset + 30 + entry.csize > size) throw new Error(`damaged ZIP entry ${name} (it runs past the end of the file)`);
      this.entries.set(name, entry);
      p += 46 + nameLength + extraLength + commentLength;
    }
  }

  /** Checks the entry's local header against the central one and its size against the limits; returns where its data starts. */
  private open(e: ZipEntry, limit: number): number {
    const h = readAt(this.fd, e.offset, 30);
    if (h.length < 30 || h.readUInt32LE(0) !== LOCAL) throw new Error(`damaged ZIP entry ${e.name}`);
    if (e.method !== STORED && e.method !== DEFLATED) throw new Error(`${e.name} uses an unsupported compression method (${e.method})`);
    if (h.readUInt16LE(8) !== e.method) throw new Error(`damaged ZIP entry ${e.name} (its two headers disagree on the compression method)`);
    // With a data descriptor the local header carries zeros; otherwise its sizes and CRC must match the directory's.
    if (!(h.readUInt16LE(6) & FLAG_DESCRIPTOR) && (h.readUInt32LE(14) !== e.crc || h.readUInt32LE(18) !== e.csize || h.readUInt32LE(22) !== e.size)) {
      throw new Error(`damaged ZIP entry ${e.name} (its two headers disagree on its size or CRC-32)`);
    }
    if (e.method === STORED && e.csize !== e.size) throw new Error(`damaged ZIP entry ${e.name} (stored with two different sizes)`);
    if (e.size > limit) throw new Error(`${e.name} inflates to ${mb(e.size)}, more than the ${mb(limit)} allowed for one part`);
    if (this.inflated + e.size > IMPORT_LIMITS.totalBytes) throw new Error(`the package inflates to more than the ${mb(IMPORT_LIMITS.totalBytes)} allowed`);
    if (e.size > IMPORT_LIMITS.ratioFloorBytes && e.size > e.csize * IMPORT_LIMITS.ratio) {
      throw new Error(`${e.name} is compressed ${Math.round(e.size / Math.max(1, e.csize))}:1, more than the ${IMPORT_LIMITS.ratio}:1 a real workbook reaches (a ZIP bomb?)`);
    }
    const start = e.offset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28);
    if (start + e.csize > this.size) throw new Error(`damaged ZIP entry ${e.name} (it runs past the end of the file)`);
    return start;
  }

  private checkDone(e: ZipEntry, bytes: number, crc: number): void {
    if (bytes !== e.size) throw new Error(`damaged ZIP entry ${e.name} (it inflates to ${bytes} bytes, its header says ${e.size})`);
    if (crc >>> 0 !== e.crc) throw new Error(`damaged ZIP entry ${e.name} (CRC-32 mismatch: the data is corrupt)`);
  }

  /** A small entry as text, or null when the package has no such entry. */
  text(name: string, limit: number = IMPORT_LIMITS.smallPartBytes): string | null {
    const e = this.entries.get(name);
    if (!e) return null;
    const start = this.open(e, limit);
    const raw = readAt(this.fd, start, e.csize);
    let data: Buffer;
    if (e.method === STORED) data = raw;
    else {
      try {
        // One byte over the declared size is enough to know the header lies.
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size + 1) });
      } catch (err) {
        throw new Error(`damaged ZIP entry ${e.name} (${err instanceof RangeError ? 'it inflates to more than its header says' : err instanceof Error ? err.message : String(err)})`, { cause: err });
      }
    }
    this.inflated += data.length;
    this.checkDone(e, data.length, crc32(data));
    return decodeUtf8(data, name);
  }

  /** A (big) entry as UTF-8 text chunks, inflated as they are read; stops at the first byte over its declared size. */
  async *textChunks(name: string, limit: number = IMPORT_LIMITS.partBytes): AsyncGenerator<string> {
    const e = this.entries.get(name);
    if (!e) throw new Error(`the package has no part ${name}`);
    const start = this.open(e, limit);
    const raw = createReadStream(this.file, { start, end: start + e.csize - 1, highWaterMark: MB });
    const source = e.method === STORED ? raw : raw.pipe(createInflateRaw());
    raw.on('error', (err) => source.destroy(err));
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let bytes = 0;
    let crc = 0;
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        if (bytes > e.size) throw new Error(`damaged ZIP entry ${e.name} (it inflates to more than the ${e.size} bytes its header says)`);
        crc = crc32(chunk, crc);
        this.inflated += chunk.length;
        yield decodeChunk(decoder, chunk, name);
      }
      this.checkDone(e, bytes, crc);
      const rest = decoder.decode();
      if (rest) yield rest;
    } catch (err) {
      if (err instanceof Error && /unexpected end of file|invalid|incorrect/i.test(err.message) && !err.message.startsWith('damaged')) {
        throw new Error(`damaged ZIP entry ${e.name} (${err.message})`, { cause: err });
      }
      throw err;
    } finally {
      raw.destroy();
      if (source !== raw) source.destroy();
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}

function decodeChunk(decoder: { decode(input: Buffer, options: { stream: boolean }): string }, chunk: Buffer, name: string): string {
  try {
    return decoder.decode(chunk, { stream: true });
  } catch (err) {
    throw new Error(`${name} is not valid UTF-8 text`, { cause: err });
  }
}

function decodeUtf8(data: Buffer, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch (err) {
    throw new Error(`${name} is not valid UTF-8 text`, { cause: err });
  }
}
