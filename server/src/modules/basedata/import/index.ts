export { detectEncoding, type TextEncodingName } from './detect-encoding.js';
export { createProgressBar, type ProgressBar } from './progress.js';
export { readTable, type ReadTableOptions, type TableInput } from './read-table.js';
export { writeRowReport, type ReportRow, type RowReportSummary } from './row-report.js';
export { ImportFileError, type ImportFileErrorCode, type TableReader, type TableRow } from './table.js';
