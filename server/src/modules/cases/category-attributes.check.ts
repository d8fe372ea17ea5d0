import type { CategoryAttribute } from './category-attributes.service.js';
import { AppError, localise, type FieldError } from '../../platform/errors.js';
import type { MessageCode } from '../../platform/messages.js';

export type AttributeAnswers = Record<string, string | string[]>;
export type CheckedAnswers = Record<string, string | number | string[]>;

const maxLength = { string: 200, text: 2000 } as const;
// W3C date-times, as Open311 asks: a date, a time and a zone (Z or ±hh:mm)
const w3cDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export const isW3cDateTime = (v: string) => w3cDateTime.test(v) && !Number.isNaN(Date.parse(v));

const bilingual = (code: MessageCode, params: Record<string, unknown>) => `${localise(code, 'zh-CN', params)} ${localise(code, 'en', params)}`;

/**
 * Checks a report's answers (Open311's attribute[code], the report form's `attributes`) against its
 * category's extra fields: required ones present, numbers and date-times well formed, list answers
 * among the keys offered, nothing unknown. Informational
 * attributes (variable: false) take no answer. Every problem is reported at once, so a partner app
 * can show them all; the answers come back typed (numbers as numbers, lists as arrays).
 */
export function checkAttributes(service: string, attributes: CategoryAttribute[], answers: AttributeAnswers): CheckedAnswers {
  const problems: FieldError[] = [];
  const fail = (code: string, message: MessageCode, params: Record<string, unknown>) =>
    problems.push({ path: `attribute[${code}]`, code: message, message: bilingual(message, { code, ...params }) });
  const known = new Map(attributes.filter((a) => a.variable).map((a) => [a.code, a]));
  const checked: CheckedAnswers = {};

  for (const code of Object.keys(answers)) if (!known.has(code)) fail(code, 'open311.attribute_unknown', { service });
  for (const a of known.values()) {
    const given = answers[a.code];
    const values = (Array.isArray(given) ? given : given === undefined ? [] : [given]).map((v) => v.trim()).filter((v) => v !== '');
    const label = a.description;
    if (!values.length) {
      if (a.required) fail(a.code, 'open311.attribute_required', { label });
      continue;
    }
    if (a.datatype !== 'multivaluelist' && values.length > 1) {
      fail(a.code, 'open311.attribute_single', { label });
      continue;
    }
    const value = values[0]!;
    switch (a.datatype) {
      case 'number': {
        const n = Number(value);
        if (!Number.isFinite(n)) fail(a.code, 'open311.attribute_number', { label, value });
        else checked[a.code] = n;
        break;
      }
      case 'datetime':
        if (!isW3cDateTime(value)) fail(a.code, 'open311.attribute_datetime', { label, value });
        else checked[a.code] = new Date(value).toISOString();
        break;
      case 'singlevaluelist':
      case 'multivaluelist': {
        const keys = new Set(a.values.map((v) => v.key));
        const wrong = values.filter((v) => !keys.has(v));
        const options = a.values.map((v) => `${v.key}（${v.name}）`).join('、');
        if (wrong.length) fail(a.code, 'open311.attribute_choice', { label, options, value: wrong.join(',') });
        else checked[a.code] = a.datatype === 'singlevaluelist' ? value : [...new Set(values)];
        break;
      }
      default:
        if (value.length > maxLength[a.datatype]) fail(a.code, 'open311.attribute_too_long', { label, max: maxLength[a.datatype] });
        else checked[a.code] = value;
    }
  }
  if (problems.length) throw new AppError('open311.attributes_invalid', 400, {}, problems);
  return checked;
}
