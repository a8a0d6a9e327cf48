/**
 * Bounds on what an imported file may hold, so any file is accepted or refused
 * in bounded time and memory (docs/import-export.md, "Limits"). A file beyond
 * one of them is refused with a message naming the file and the limit.
 */
export const IMPORT_LIMITS = {
  /** Inflated size of one part of an .xlsx package (a sheet's XML). */
  partBytes: 512 * 1024 * 1024,
  /** Inflated size of the parts read from one package, together. */
  totalBytes: 1024 * 1024 * 1024,
  /** Inflated size of the small parts (workbook, relationships, styles). */
  smallPartBytes: 16 * 1024 * 1024,
  /** Inflated size of the shared-string table. */
  sharedStringBytes: 128 * 1024 * 1024,
  /** Inflated / compressed size, for parts that inflate beyond ratioFloorBytes. */
  ratio: 200,
  ratioFloorBytes: 1024 * 1024,
  /** Excel's own sheet height. */
  rows: 1_048_576,
  /** Columns that hold a value (trailing empty formatted cells do not count). */
  columns: 1_000,
  /** Cells covered by the merged ranges of one sheet. */
  mergedCells: 2_000_000,
  sharedStrings: 2_000_000,
  /** Excel's own limit on a cell's text. */
  cellChars: 32_767,
  /** A CSV file (read whole, then decoded). */
  csvBytes: 256 * 1024 * 1024,
} as const;

/** A file refused for a limit or for damage; the message names the file (and row, column where there is one). */
export class ImportFileError extends Error {}
