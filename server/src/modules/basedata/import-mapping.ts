import type { BaseEntity } from '../../db/schema.js';
import type { FieldSpec } from './field-model.js';

/** Heading → field key. Headings mapped to nothing are ignored. */
export type ColumnMapping = Record<string, string>;

const squeeze = (s: string) => s.replace(/[\s（）()：:*＊]/g, '').toLowerCase();

/** Guesses the field of each heading from field labels, English labels, keys and known aliases. */
export function suggestMapping(headers: readonly string[], specs: readonly FieldSpec[]): ColumnMapping {
  const byName = new Map<string, string>();
  for (const s of specs) for (const name of [s.label, s.labelEn, s.key, ...(s.aliases ?? [])]) if (name) byName.set(squeeze(name), s.key);
  const mapping: ColumnMapping = {};
  const taken = new Set<string>();
  for (const h of headers) {
    const key = byName.get(squeeze(h));
    if (key && !taken.has(key)) {
      mapping[h] = key;
      taken.add(key);
    }
  }
  return mapping;
}

/** The fields a file must carry to create records of the entity (beyond those required by each spec). */
const placeFields: Record<BaseEntity, string[][]> = {
  person: [['grid_code', 'address_code']],
  dwelling: [['address_code']],
  organisation: [],
};

/** Problems with a mapping, as sentences; an empty list means it can be used. */
export function mappingProblems(entity: BaseEntity, headers: readonly string[], mapping: ColumnMapping, specs: readonly FieldSpec[]): string[] {
  const problems: string[] = [];
  const known = new Set(specs.map((s) => s.key));
  const targets = Object.entries(mapping).filter(([, key]) => key);
  for (const [heading, key] of targets) {
    if (!headers.includes(heading)) problems.push(`文件中没有“${heading}”列`);
    if (!known.has(key)) problems.push(`未知字段 ${key}`);
  }
  const mapped = new Set(targets.map(([, key]) => key));
  for (const key of mapped) if (targets.filter(([, k]) => k === key).length > 1) problems.push(`字段 ${key} 对应了多列`);
  for (const s of specs) if (s.required && s.core && !mapped.has(s.key) && !(entity === 'dwelling' && s.key !== 'address_code')) problems.push(`缺少必填字段“${s.label}”`);
  for (const anyOf of placeFields[entity]) {
    if (!anyOf.some((k) => mapped.has(k))) problems.push(`需要以下列之一：${anyOf.map((k) => specs.find((s) => s.key === k)?.label ?? k).join('、')}`);
  }
  return [...new Set(problems)];
}

/** The file's mapped columns: each one's position and field, heading positions resolved once per file. */
export function mappedColumns(headers: readonly string[], mapping: ColumnMapping): { at: number; key: string }[] {
  return headers.flatMap((h, i) => (mapping[h] ? [{ at: i, key: mapping[h] }] : []));
}
