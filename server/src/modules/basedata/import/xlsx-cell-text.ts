/**
 * One Excel cell as the text a person reading the sheet expects, whatever ExcelJS made of it:
 * dates as 2026-03-01, integers without exponent or thousands separators, booleans as 是/否,
 * formulas as their cached result, rich text and hyperlinks as their plain text.
 */

export interface CellContext {
  /** The cell's number format, e.g. 'yyyy-mm-dd' or '000000'. */
  numFmt?: string;
  /** The workbook counts days from 1904-01-01 (old Mac Excel) instead of 1899-12-30. */
  date1904: boolean;
  /** Looks up xl/sharedStrings.xml by index (ExcelJS leaves `{ sharedString: n }` when not caching them). */
  sharedString(index: number): string | undefined;
}

const DAY_MS = 86_400_000;
/** Serial day 0 of the 1900 date system. (Excel also counts a 1900-02-29 that never was, so serials before 1900-03-01 are a day off; no person in base data was born then.) */
const EPOCH_1900_MS = Date.UTC(1899, 11, 30);
const DAYS_1900_TO_1904 = 1462;

export function cellText(value: unknown, ctx: CellContext): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return unescapeExcel(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return ''; // ExcelJS turns a formula's cached error (#N/A) into NaN
    return isDateFormat(ctx.numFmt) && value >= 0 ? serialText(value, ctx.date1904) : numberText(value, ctx.numFmt);
  }
  if (value instanceof Date) return dateText(value, ctx.date1904);
  if (typeof value !== 'object') return String(value);
  const v = value as Record<string, unknown>;
  if (typeof v.sharedString === 'number') return ctx.sharedString(v.sharedString) ?? '';
  if (Array.isArray(v.richText)) return richText(v.richText);
  if ('formula' in v || 'sharedFormula' in v) return cellText(v.result, ctx);
  if (typeof v.error === 'string') return v.error; // #N/A, #REF!: what the sheet shows
  if ('text' in v) return cellText(v.text, ctx); // a hyperlink
  return '';
}

/** Rich text as plain text: the runs' text joined, fonts and colours dropped. */
export function richText(runs: readonly unknown[]): string {
  return unescapeExcel(runs.map((r) => (r as { text?: unknown }).text ?? '').join(''));
}

/**
 * Excel writes control characters as _xHHHH_ (a carriage return in a cell as _x000D_) and a literal
 * "_x" as _x005F_x; one left-to-right pass undoes both.
 */
export function unescapeExcel(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Whether a number format shows a date or time: y, m, d, h or s outside quotes, brackets and escapes. */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[ymdhs]/i.test(numFmt.replace(/\[[^\]]*\]|"[^"]*"|\\.|_.|\*./g, ''));
}

/**
 * A number as plain decimal text. A double holds every integer only up to 2^53, and Excel keeps
 * only 15 significant digits: a 身份证号 typed as a number arrives as 3.70303199001011E+17, its last
 * three digits gone. Printing that as "370303199001011008" would look like a valid ID with wrong
 * digits; we give it in Excel's own form, which no ID check accepts, so the row is rejected and the
 * clerk sees why.
 */
export function numberText(n: number, numFmt?: string): string {
  if (Number.isSafeInteger(n)) {
    const text = String(n);
    // '000000' keeps the leading zeros of 邮政编码 and codes stored as numbers
    return numFmt && /^0+$/.test(numFmt) && n >= 0 ? text.padStart(numFmt.length, '0') : text;
  }
  if (Number.isInteger(n)) return excelExponent(n);
  return String(Number(n.toPrecision(15))); // 0.1+0.2 shows as 0.3 in Excel, not 0.30000000000000004
}

function excelExponent(n: number): string {
  const [mantissa, exponent] = n.toPrecision(15).split('e') as [string, string];
  return `${mantissa.replace(/\.?0+$/, '')}E${exponent}`;
}

/**
 * An Excel date is a count of days of wall-clock time, with no time zone: what the clerk typed in
 * China time is stored as that China wall clock. ExcelJS turns it into a Date whose UTC fields hold
 * that wall clock (2026-03-01 → 2026-03-01T00:00:00Z), so reading the UTC fields gives the China
 * date and time. Converting "from UTC to UTC+8" would add 8 hours and turn every date into 08:00.
 */
export function dateText(date: Date, date1904 = false): string {
  const serial = (date.getTime() - EPOCH_1900_MS) / DAY_MS - (date1904 ? DAYS_1900_TO_1904 : 0);
  return Number.isFinite(serial) ? serialText(serial, date1904) : '';
}

/** Serial day number → 'YYYY-MM-DD', 'YYYY-MM-DD HH:mm' (or :ss), or 'HH:mm' for a time of day alone. */
export function serialText(serial: number, date1904 = false): string {
  const seconds = Math.round((serial + (date1904 ? DAYS_1900_TO_1904 : 0)) * 86_400); // float noise: 0.999999 s
  const wallClock = new Date(EPOCH_1900_MS + seconds * 1000).toISOString(); // UTC fields = wall clock, as above
  const day = wallClock.slice(0, 10);
  const time = wallClock.endsWith(':00.000Z') ? wallClock.slice(11, 16) : wallClock.slice(11, 19);
  if (serial < 1) return time; // a time of day without a date (format h:mm)
  return time === '00:00' ? day : `${day} ${time}`;
}
