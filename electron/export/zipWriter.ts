import { closeSync, openSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { constants, crc32, createDeflateRaw, deflateRawSync, type DeflateRaw } from 'node:zlib';

/**
 * A small ZIP writer for the .xlsx writer: deflated entries written straight to
 * a file. Big entries (sheet XML) stream through zlib on the thread pool while
 * the caller builds the next rows; the sizes and CRC-32 are patched into the
 * local header afterwards (the file is seekable), so no data descriptors are
 * needed and every unzipper reads it. No ZIP64: an entry or file of 4 GB or more
 * is refused, far above what a sheet of 1,048,576 rows holds.
 */

/** zlib level 1 compresses sheet XML to about a quarter at several times the speed of the default 6. */
const LEVEL = 1;
/**
 * Buffers handed to zlib and not yet compressed before write() asks the caller
 * to wait, and then only for the oldest one. Waiting for 'drain' instead (with
 * Node's 16 KB mark every write) waited until zlib had compressed everything,
 * so building rows and compressing never overlapped and the main thread sat
 * idle for about a third of a 100,000-row export.
 */
const IN_FLIGHT = 3;
/** Bytes of encoded text gathered before they go to zlib. */
const IN_CHUNK = 1 << 20;
/** Output pieces of 256 KB instead of 16 KB: fewer thread-pool round trips and file writes. */
const OUT_CHUNK = 1 << 18;
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const MAX_32 = 0xffffffff;

interface Entry {
  name: Buffer;
  crc: number;
  size: number;
  csize: number;
  offset: number;
}

/** MS-DOS time and date of a moment (local time, 2-second steps), as ZIP headers store them. */
function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** Writes into one entry; `write` may return a promise to wait for when zlib is behind. */
export interface EntryStream {
  write(text: string): Promise<void> | undefined;
  close(): Promise<void>;
}

export class ZipWriter {
  private readonly fd: number;
  private pos = 0;
  private readonly entries: Entry[] = [];
  private readonly stamp = dosTime(new Date());
  private open = false;
  private closed = false;
  /** The deflate stream of the open entry, destroyed on abort. */
  private current: DeflateRaw | null = null;

  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }

  private writeAt(buf: Uint8Array, at: number): void {
    if (this.closed) return;
    let done = 0;
    while (done < buf.length) done += writeSync(this.fd, buf, done, buf.length - done, at + done);
  }

  private append(buf: Uint8Array): void {
    // After abort() a deflate stream may still flush; its output has nowhere to go.
    if (this.closed) return;
    this.writeAt(buf, this.pos);
    this.pos += buf.length;
    if (this.pos > MAX_32) throw new Error('the file would exceed 4 GB, which this writer does not support');
  }

  private localHeader(e: Entry): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(UTF8_NAMES, 6);
    h.writeUInt16LE(DEFLATE, 8);
    h.writeUInt16LE(this.stamp.time, 10);
    h.writeUInt16LE(this.stamp.date, 12);
    h.writeUInt32LE(e.crc, 14);
    h.writeUInt32LE(e.csize, 18);
    h.writeUInt32LE(e.size, 22);
    h.writeUInt16LE(e.name.length, 26);
    h.writeUInt16LE(0, 28);
    return Buffer.concat([h, e.name]);
  }

  private begin(name: string): Entry {
    if (this.open) throw new Error('zip: an entry is still open');
    const e: Entry = { name: Buffer.from(name, 'utf8'), crc: 0, size: 0, csize: 0, offset: this.pos };
    this.entries.push(e);
    this.append(this.localHeader(e));
    return e;
  }

  /** A small entry compressed in one go. */
  add(name: string, text: string): void {
    const e = this.begin(name);
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data, { level: LEVEL });
    e.crc = crc32(data);
    e.size = data.length;
    e.csize = packed.length;
    this.append(packed);
    this.writeAt(this.localHeader(e), e.offset);
  }

  /**
   * A big entry written piece by piece; call close() before the next entry.
   * Texts are encoded into a buffer of IN_CHUNK bytes as they come, and each
   * full buffer goes to zlib: a profile showed Buffer.from() on one big string
   * built with += (a rope of thousands of pieces, flattened before encoding)
   * costing more than all the cell formatting. Small texts encode cheaply.
   */
  stream(name: string): EntryStream {
    const e = this.begin(name);
    this.open = true;
    const deflate = createDeflateRaw({ level: LEVEL, memLevel: 9, strategy: constants.Z_DEFAULT_STRATEGY, chunkSize: OUT_CHUNK });
    this.current = deflate;
    // A failed file write (disk full) fails the stream, so the next write or close() reports it.
    let failed: Error | null = null;
    deflate.on('data', (chunk: Buffer) => {
      try {
        this.append(chunk);
        e.csize += chunk.length;
      } catch (err) {
        failed = err instanceof Error ? err : new Error(String(err));
        deflate.destroy(failed);
      }
    });
    const ended = once(deflate, 'end');
    // Awaited in close(); until then a failure must not count as an unhandled rejection.
    ended.catch(() => undefined);
    // zlib reads each buffer it is given until its write callback, so a full buffer is
    // handed over and another taken; buffers zlib is done with are used again, so the
    // peak memory does not wait on the GC to free a megabyte per flush (docs/import-export.md, Decisions).
    const spare: Buffer[] = [];
    let buf: Buffer = Buffer.allocUnsafe(IN_CHUNK);
    let used = 0;
    // Buffers in flight, oldest first (zlib finishes them in order), and the resolvers of callers waiting for one.
    const inFlight: Buffer[] = [];
    const waiting: (() => void)[] = [];
    const compressed = (): void => {
      const done = inFlight.shift();
      if (done && done.length === IN_CHUNK) spare.push(done);
      waiting.shift()?.();
    };
    const give = (data: Buffer, whole: Buffer): Promise<void> | undefined => {
      e.crc = crc32(data, e.crc);
      e.size += data.length;
      if (e.size > MAX_32) throw new Error(`${name} would exceed 4 GB, which this writer does not support`);
      inFlight.push(whole);
      deflate.write(data, compressed);
      return inFlight.length < IN_FLIGHT ? undefined : new Promise<void>((ok) => waiting.push(ok));
    };
    const flush = (): Promise<void> | undefined => {
      if (used === 0) return undefined;
      const whole = buf;
      const data = buf.subarray(0, used);
      buf = spare.pop() ?? Buffer.allocUnsafe(IN_CHUNK);
      used = 0;
      return give(data, whole);
    };
    return {
      write: (text: string) => {
        if (failed) throw failed;
        // A UTF-16 code unit takes at most 3 bytes in UTF-8.
        if (used + text.length * 3 <= IN_CHUNK) {
          used += buf.write(text, used, 'utf8');
          return undefined;
        }
        const wait = flush();
        if (text.length * 3 > IN_CHUNK) {
          const data = Buffer.from(text, 'utf8');
          const direct = give(data, data);
          return wait && direct ? Promise.all([wait, direct]).then(() => undefined) : (wait ?? direct);
        }
        used = buf.write(text, 0, 'utf8');
        return wait;
      },
      close: async () => {
        const wait = flush();
        if (wait) await wait;
        deflate.end();
        await ended;
        if (failed) throw failed;
        this.writeAt(this.localHeader(e), e.offset);
        this.open = false;
        this.current = null;
      },
    };
  }

  /** Writes the central directory and closes the file. */
  finish(): void {
    const start = this.pos;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(UTF8_NAMES, 8);
      h.writeUInt16LE(DEFLATE, 10);
      h.writeUInt16LE(this.stamp.time, 12);
      h.writeUInt16LE(this.stamp.date, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.csize, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      // Extra field, comment, disk number, internal and external attributes: all zero.
      h.writeUInt32LE(e.offset, 42);
      this.append(Buffer.concat([h, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.pos - start, 12);
    end.writeUInt32LE(start, 16);
    this.append(end);
    this.closed = true;
    closeSync(this.fd);
  }

  /** Closes the file without finishing it (after a failure; the caller removes it). */
  abort(): void {
    this.current?.destroy();
    this.current = null;
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}
