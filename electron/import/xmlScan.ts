/**
 * A streaming XML tokenizer for the parts of an .xlsx package, linear in the
 * text it is given: every character is looked at a bounded number of times,
 * however the text is cut into chunks (a flood of whitespace between two rows
 * costs one pass). It checks what matters for a partial import not to pass
 * silently: tags nest and close, the text ends with the root closed, entities
 * are known; namespace prefixes are reported as local names (`<x:row>` is a
 * row). DOCTYPEs are refused (no entity expansion). See docs/import-export.md,
 * Decisions, for why this and not saxes.
 */
export interface XmlHandler {
  /** An element opened (`empty`: it was `<x/>` and no close follows); `name` is the local name. */
  open(name: string, attrs: string, empty: boolean): void;
  close(name: string): void;
  /** Decoded text, only while the scanner's `collect` is on. */
  text(value: string): void;
}

export class XmlError extends Error {}

/** A tag, comment or CDATA section longer than this is refused rather than buffered. */
const MAX_TOKEN = 1 << 20;

const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));|&/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Replaces XML's character and entity references; any other `&` is an error. */
function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (whole: string, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED[name] ?? '';
    if (dec === undefined && hex === undefined) throw new XmlError(`an unknown entity or a bare "&" (${JSON.stringify(whole)})`);
    const cp = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
    if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw new XmlError(`a character reference to an invalid character (${cp})`);
    return String.fromCodePoint(cp);
  });
}

const ATTRS = new Map<string, RegExp>();
/** The value of the attribute with this local name (any prefix but xmlns:), unescaped. */
export function attrOf(attrs: string, name: string): string | undefined {
  // The common spelling (` name="…"`, as every Office writer has it) without a regular expression.
  const plain = attrs.indexOf(` ${name}="`);
  if (plain >= 0) {
    const from = plain + name.length + 3;
    const to = attrs.indexOf('"', from);
    if (to >= 0) return unescapeXml(attrs.slice(from, to));
  }
  let re = ATTRS.get(name);
  if (!re) ATTRS.set(name, (re = new RegExp(`(?:^|\\s)(?!xmlns:)(?:[A-Za-z_][\\w.-]*:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(attrs);
  return m ? unescapeXml(m[1] ?? m[2] ?? '') : undefined;
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;
/** ASCII letters, underscore, and anything beyond ASCII (XML names may be Chinese). */
const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

export class XmlScanner {
  /** Set by the handler: deliver the text of the current element. */
  collect = false;
  /** Longest text the handler accepts while collecting (it names the place in its own message). */
  maxText = Infinity;
  private buf = '';
  private pos = 0;
  private readonly stack: string[] = [];
  private rootSeen = false;
  private pending = '';

  constructor(private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    this.buf = this.pos < this.buf.length ? this.buf.slice(this.pos) + chunk : chunk;
    this.pos = 0;
    this.scan();
  }

  /** The input is complete: everything must be closed. */
  end(): void {
    if (this.pos < this.buf.length) {
      const rest = this.buf.slice(this.pos);
      if (rest.startsWith('<')) throw new XmlError('the XML ends inside a tag');
      this.text(rest);
    }
    if (this.stack.length > 0) throw new XmlError(`the XML ends early, inside <${localName(this.stack[this.stack.length - 1] ?? '')}>`);
    if (!this.rootSeen) throw new XmlError('the XML has no root element');
  }

  private text(raw: string): void {
    if (this.collect) {
      this.pending += raw;
      if (this.pending.length > this.maxText * 8) this.flushText();
      return;
    }
    if (this.stack.length === 0) {
      for (let i = 0; i < raw.length; i++) if (!isSpace(raw.charCodeAt(i))) throw new XmlError('text outside the root element');
    }
  }

  private flushText(): void {
    if (this.pending === '') return;
    const value = unescapeXml(this.pending);
    this.pending = '';
    this.handler.text(value);
  }

  private scan(): void {
    const buf = this.buf;
    const n = buf.length;
    let pos = this.pos;
    for (;;) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) {
        // No tag starts here: the text so far is dealt with now, so a long run is not scanned twice.
        // A trailing '&…' may be an entity cut by the chunk boundary: keep it for the next chunk.
        const amp = this.collect ? buf.lastIndexOf('&', n - 1) : -1;
        const cut = amp >= pos && buf.indexOf(';', amp) < 0 && n - amp < 12 ? amp : n;
        if (cut > pos) this.text(buf.slice(pos, cut));
        pos = cut;
        break;
      }
      if (lt > pos) this.text(buf.slice(pos, lt));
      pos = lt;
      const c1 = buf.charCodeAt(lt + 1);
      if (Number.isNaN(c1)) break;
      let close: number;
      if (c1 === 33 /* ! */) {
        if (buf.startsWith('<!--', lt)) {
          close = buf.indexOf('-->', lt + 4);
          if (close < 0) break;
          pos = close + 3;
        } else if (buf.startsWith('<![CDATA[', lt)) {
          if (this.stack.length === 0) throw new XmlError('CDATA outside the root element');
          close = buf.indexOf(']]>', lt + 9);
          if (close < 0) break;
          if (this.collect) this.pending += buf.slice(lt + 9, close).replace(/&/g, '&amp;');
          pos = close + 3;
        } else if (n - lt < 9) break;
        else throw new XmlError('a DOCTYPE or other declaration, which SpreadsheetML never has');
        continue;
      }
      if (c1 === 63 /* ? */) {
        close = buf.indexOf('?>', lt + 2);
        if (close < 0) break;
        pos = close + 2;
        continue;
      }
      // A start or end tag: find its '>' outside quoted attribute values.
      let i = lt + 1;
      let quote = 0;
      for (; i < n; i++) {
        const c = buf.charCodeAt(i);
        if (quote !== 0) {
          if (c === quote) quote = 0;
          else if (c === 60) throw new XmlError('a "<" inside an attribute value');
        } else if (c === 62 /* > */) break;
        else if (c === 34 || c === 39) quote = c;
        else if (c === 60) throw new XmlError('a "<" inside a tag');
      }
      if (i >= n) break;
      this.tag(buf, lt, i);
      pos = i + 1;
    }
    if (n - pos > MAX_TOKEN) throw new XmlError(`a tag, comment or CDATA section longer than ${MAX_TOKEN} characters`);
    this.pos = pos;
  }

  private tag(buf: string, lt: number, gt: number): void {
    if (this.collect) this.flushText();
    if (buf.charCodeAt(lt + 1) === 47 /* / */) {
      const qname = buf.slice(lt + 2, gt).trimEnd();
      const open = this.stack.pop();
      if (open !== qname) throw new XmlError(open === undefined ? `</${qname}> closes nothing` : `</${qname}> closes <${open}>`);
      this.handler.close(localName(qname));
      return;
    }
    const empty = buf.charCodeAt(gt - 1) === 47;
    const end = empty ? gt - 1 : gt;
    let k = lt + 1;
    while (k < end && !isSpace(buf.charCodeAt(k))) k++;
    const qname = buf.slice(lt + 1, k);
    if (!isNameStart(qname.charCodeAt(0)) || qname.includes('"') || qname.includes("'") || qname.includes('=')) throw new XmlError(`a malformed tag name ${JSON.stringify(qname.slice(0, 40))}`);
    if (this.stack.length === 0) {
      if (this.rootSeen) throw new XmlError('a second root element');
      this.rootSeen = true;
    }
    if (!empty) this.stack.push(qname);
    this.handler.open(localName(qname), k < end ? buf.slice(k, end) : '', empty);
    if (empty) this.handler.close(localName(qname));
  }
}

/** Scans one whole (small) part. */
export function scanXml(xml: string, handler: XmlHandler): void {
  const s = new XmlScanner(handler);
  s.write(xml);
  s.end();
}
