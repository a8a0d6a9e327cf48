/**
 * A CSV parser of our own: RFC 4180 quotes (doubled quotes, separators and line
 * breaks inside quotes), CRLF/LF, and a separator guessed from the header line.
 * It walks char codes and slices unquoted fields, which keeps a 60 MB file fast.
 */
export interface CsvTable {
  records: string[][];
  /** Line in the file where each record starts (1-based), for error messages. */
  lines: number[];
  delimiter: string;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

function guessDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const first = end < 0 ? text : text.slice(0, end);
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';', '|']) {
    const count = first.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

class CsvError extends Error {}

/** `walkAll` sends every record down the char-by-char path (tests compare both paths with it). */
export function parseCsv(text: string, file: string, delimiter = guessDelimiter(text), walkAll = false): CsvTable {
  const sep = delimiter.charCodeAt(0);
  const records: string[][] = [];
  const lines: number[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  // Where the next quote and CR are; recomputed only once passed, so the fast path stays linear.
  let nextQuote = -1;
  let nextCr = -1;

  /** One record the slow way (quotes, or a lone CR ending it), char by char from `i`. */
  const walkRecord = (): void => {
    const row: string[] = [];
    const rowLine = line;
    while (i < n) {
      let c = text.charCodeAt(i);
      let field: string;
      if (c === QUOTE) {
        const startLine = line;
        let value = '';
        let from = i + 1;
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) throw new CsvError(`${file}, line ${startLine}: a quoted field is never closed (unbalanced quotes)`);
          for (let k = i; k < q; k++) if (text.charCodeAt(k) === LF) line++;
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, q + 1);
            i = q + 2;
            from = i;
            continue;
          }
          value += text.slice(from, q);
          i = q + 1;
          break;
        }
        // Text after the closing quote up to the separator is kept, as Excel does.
        const start = i;
        while (i < n) {
          c = text.charCodeAt(i);
          if (c === sep || c === LF || c === CR) break;
          i++;
        }
        field = i > start ? value + text.slice(start, i) : value;
      } else {
        const start = i;
        while (i < n) {
          c = text.charCodeAt(i);
          if (c === sep || c === LF || c === CR) break;
          if (c === QUOTE) throw new CsvError(`${file}, line ${line}: a quote inside an unquoted field (unbalanced quotes)`);
          i++;
        }
        field = text.slice(start, i);
      }
      row.push(field);
      if (i >= n) break;
      c = text.charCodeAt(i);
      if (c === sep) {
        i++;
        if (i >= n) row.push('');
        continue;
      }
      // End of record: CRLF, LF or a lone CR.
      if (c === CR && text.charCodeAt(i + 1) === LF) i++;
      i++;
      line++;
      break;
    }
    records.push(row);
    lines.push(rowLine);
  };

  while (i < n) {
    let end = text.indexOf('\n', i);
    if (end < 0) end = n;
    if (nextQuote < i) nextQuote = text.indexOf('"', i) >>> 0;
    if (nextCr < i) nextCr = text.indexOf('\r', i) >>> 0;
    // Fast path: a record on one line without quotes and without a lone CR (nearly every line
    // of a real file) is split natively, several times faster than walking its characters.
    if (!walkAll && nextQuote >= end && (nextCr >= end || nextCr === end - 1)) {
      records.push(text.slice(i, nextCr === end - 1 ? end - 1 : end).split(delimiter));
      lines.push(line);
      line++;
      i = end + 1;
      continue;
    }
    walkRecord();
  }
  return { records, lines, delimiter };
}

/** One CSV field, quoted when it holds a separator, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
