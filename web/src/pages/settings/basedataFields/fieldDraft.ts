import type { BaseEntityName, FieldDefinition, fieldTypes } from '@gongzhi/contracts';

type FieldType = (typeof fieldTypes)[number];

/** The drawer's form: what an administrator edits of an extra field. */
export interface FieldFormValues {
  key?: string;
  scopeCode?: string;
  label: string;
  labelEn?: string;
  type: FieldType;
  required: boolean;
  options?: { value: string; label: string }[];
  pattern?: string;
  min?: number | null;
  max?: number | null;
  maxLength?: number | null;
  sort?: number | null;
  active?: boolean;
}

/** The settings that apply to a type; the others are sent as null so that a changed type drops them. */
function typed(v: FieldFormValues) {
  const text = v.type === 'text';
  const number = v.type === 'number';
  return {
    label: v.label.trim(),
    labelEn: (v.labelEn ?? '').trim(),
    type: v.type,
    required: v.required,
    options: v.type === 'choice' ? (v.options ?? []).map((o) => ({ value: o.value.trim(), label: o.label.trim() })) : [],
    pattern: text && v.pattern?.trim() ? v.pattern.trim() : null,
    min: number ? (v.min ?? null) : null,
    max: number ? (v.max ?? null) : null,
    maxLength: text ? (v.maxLength ?? null) : null,
    ...(v.sort !== null && v.sort !== undefined ? { sort: v.sort } : {}),
  };
}

/** POST /basedata/fields. */
export function createBody(entity: BaseEntityName, v: FieldFormValues) {
  return { entity, key: (v.key ?? '').trim(), ...(v.scopeCode?.trim() ? { scopeCode: v.scopeCode.trim() } : {}), ...typed(v) };
}

/** PATCH /basedata/fields/:id. */
export function updateBody(v: FieldFormValues) {
  return { ...typed(v), active: v.active ?? true };
}

/** A defined field in the drawer. */
export function formOf(def: FieldDefinition): FieldFormValues {
  return {
    key: def.key, scopeCode: def.scopeCode ?? undefined, label: def.label, labelEn: def.labelEn, type: def.type, required: def.required, options: def.options,
    pattern: def.pattern ?? undefined, min: def.min, max: def.max, maxLength: def.maxLength, active: def.active,
  };
}

/** Whether a text is a regular expression the browser (and so most likely the server) accepts. */
export function isPattern(text: string): boolean {
  try {
    new RegExp(text);
    return true;
  } catch {
    return false;
  }
}
