import type { FieldDefinition } from '@gongzhi/contracts';
// the server's checks of ID and phone numbers are import-free so that a form can run the same code
import { normalizePhone, parseIdNumber } from '../../../../server/src/modules/basedata/identity';

/** What the form shows and sends for a registration: active fields; the grid is the worker's own, not typed. */
export const fillableFields = (defs: readonly FieldDefinition[]) => defs.filter((d) => d.active && d.key !== 'grid_code');

export type ValueProblem =
  | { code: 'too_long'; max: number }
  | { code: 'number' | 'pattern' | 'id_format' | 'id_birth' | 'id_check' | 'document' | 'phone' | 'date' }
  | { code: 'range'; min: number | string; max: number | string };

/**
 * Checks one filled-in value the way the server will (validate.ts), so that a typing error shows at
 * once, also offline, instead of coming back as 需修改 hours later. Blank values are not checked here.
 */
export function checkValue(def: FieldDefinition, value: string, idType: string): ValueProblem | null {
  if (def.maxLength && [...value].length > def.maxLength) return { code: 'too_long', max: def.maxLength };
  if (def.core && def.key === 'id_number') {
    if (idType !== 'resident') return /^[A-Za-z0-9]{5,20}$/.test(value) ? null : { code: 'document' };
    const id = parseIdNumber(value);
    if (id.ok) return null;
    return { code: id.reason === 'check_digit' ? 'id_check' : id.reason === 'birth_date' ? 'id_birth' : 'id_format' };
  }
  if (def.core && def.key === 'phone') return normalizePhone(value).ok ? null : { code: 'phone' };
  if (def.type === 'number') {
    const n = Number(value.replace(/,/g, ''));
    if (!Number.isFinite(n)) return { code: 'number' };
    if ((def.min !== null && n < def.min) || (def.max !== null && n > def.max)) return { code: 'range', min: def.min ?? '', max: def.max ?? '' };
  }
  if (def.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return { code: 'date' };
  if (def.type === 'text' && def.pattern) {
    try {
      if (!new RegExp(def.pattern).test(value)) return { code: 'pattern' };
    } catch {
      return null; // a pattern the browser cannot read: leave the judgement to the server
    }
  }
  return null;
}

/** Gender and date of birth are written in a resident ID number: the form fills them in from it. */
export function factsOfIdNumber(value: string): { gender: '1' | '2'; birth_date: string } | null {
  const id = parseIdNumber(value);
  return id.ok ? { gender: id.gender, birth_date: id.birthDate } : null;
}

export type FormValue = string | number | boolean | null | undefined;

/** The flat values the API takes: strings, blanks left out, booleans as 'true'/'false', and the worker's grid. */
export function recordValues(defs: readonly FieldDefinition[], form: Record<string, FormValue>, gridCode: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const def of fillableFields(defs)) {
    const v = form[def.key];
    if (v === null || v === undefined) continue;
    const text = typeof v === 'boolean' ? String(v) : String(v).trim();
    if (text !== '') out[def.key] = text;
  }
  out.grid_code = gridCode;
  return out;
}

/** The form's values back from a queued registration (to change it after 需修改). */
export function formValuesOf(defs: readonly FieldDefinition[], values: Record<string, string | null>): Record<string, FormValue> {
  const out: Record<string, FormValue> = {};
  for (const def of fillableFields(defs)) {
    const v = values[def.key];
    if (v === null || v === undefined) continue;
    out[def.key] = def.type === 'boolean' ? v === 'true' : def.type === 'number' ? Number(v) : v;
  }
  return out;
}
