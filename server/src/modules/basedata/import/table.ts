/**
 * What every file reader of the base-data import hands to the layer above (mapping, validation,
 * database): a header row and a stream of data rows, every cell already a string.
 */

/** One data row. `rowNo` is the row number the clerk sees in Excel or WPS (header row = 1). */
export interface TableRow {
  rowNo: number;
  cells: string[];
}

export interface TableReader {
  headers: string[];
  /** The character set a CSV was read in ('utf-8' or 'gb18030'); absent for .xlsx. */
  encoding?: string;
  /** Data rows after the header, in file order; fully empty rows are skipped. Iterate once. */
  rows: AsyncIterable<TableRow>;
  /**
   * Progress so far in the unit of `totalBytes`, for a progress bar: bytes of the file for CSV,
   * bytes of the worksheet's XML (unpacked) for .xlsx.
   */
  bytesRead(): number;
  totalBytes?: number;
  /**
   * Releases the file, temporary files and open handles. Reaching the end of `rows` (or leaving
   * the loop early) does it already; call it when giving up before iterating. Safe to call twice.
   */
  close(): Promise<void>;
}

export type ImportFileErrorCode =
  | 'import.file-empty'
  | 'import.bad-encoding'
  | 'import.utf16-unsupported'
  | 'import.csv-malformed'
  | 'import.not-xlsx'
  | 'import.sheet-not-found';

/**
 * A file the import cannot read at all (as opposed to a bad row, which is the validator's business).
 * The message is Chinese and meant for the clerk who uploaded the file; `code` is stable.
 */
export class ImportFileError extends Error {
  constructor(
    readonly code: ImportFileErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ImportFileError';
  }
}

/** A row whose cells are all blank (or only spaces) carries no data; Excel shows it as an empty line. */
export const isBlankRow = (cells: readonly string[]) => cells.every((c) => c.trim() === '');
