import type { CellInput } from './workbook';

/**
 * The workbook's shared-string table, for text columns whose values repeat
 * (kind, status, region, owner…). A repeated text is written once in
 * xl/sharedStrings.xml and each cell holds its number: for a 100,000-row
 * customer export that is a sixth less sheet XML to build, encode and
 * deflate. Names and other mostly-unique columns stay inline strings, and
 * the table is bounded (CAP texts; new texts beyond it are written inline),
 * so memory does not grow with the number of rows.
 */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  readonly texts: string[] = [];
  /** Cells that refer to the table. */
  refs = 0;

  constructor(private readonly cap = CAP) {}

  /** The table index of this text, or -1 when it is new and the table is full. */
  ref(text: string): number {
    let k = this.index.get(text);
    if (k === undefined) {
      if (this.texts.length >= this.cap) return -1;
      k = this.texts.length;
      this.texts.push(text);
      this.index.set(text, k);
    }
    this.refs++;
    return k;
  }
}

const CAP = 20_000;
/** Non-empty values a column needs in the sample before it is judged. */
const MIN_SAMPLE = 50;

/** Whether column `i` of the sample rows repeats enough (at most one distinct text in four) to share its texts. */
export function repeats(head: readonly CellInput[][], i: number): boolean {
  const seen = new Set<string>();
  let values = 0;
  for (const row of head) {
    const v = row[i];
    if (typeof v !== 'string' || v === '') continue;
    values++;
    seen.add(v);
  }
  return values >= MIN_SAMPLE && seen.size * 4 <= values;
}
