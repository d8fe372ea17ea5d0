import type { FieldDefinition } from '@gongzhi/contracts';

/** Heading → field key; a heading left out is not imported. */
export type ColumnMapping = Record<string, string>;

/** The mapping to start from: the server's guess, keeping only headings of this file and fields that exist. */
export function startingMapping(headers: readonly string[], suggested: ColumnMapping, fields: readonly FieldDefinition[]): ColumnMapping {
  const known = new Set(fields.filter((f) => f.active).map((f) => f.key));
  const out: ColumnMapping = {};
  for (const h of headers) if (suggested[h] && known.has(suggested[h])) out[h] = suggested[h];
  return out;
}

/** Sets one heading's field (null: not imported). A field takes one column: another heading that had it lets go. */
export function assignColumn(mapping: ColumnMapping, heading: string, key: string | null): ColumnMapping {
  const out: ColumnMapping = {};
  for (const [h, k] of Object.entries(mapping)) if (h !== heading && k !== key) out[h] = k;
  if (key) out[heading] = key;
  return out;
}

/**
 * Required fields no column feeds. The grid is required of a person only when no standard address
 * places them, so it is not reported when the address code is mapped.
 */
export function unmappedRequired(mapping: ColumnMapping, fields: readonly FieldDefinition[]): FieldDefinition[] {
  const mapped = new Set(Object.values(mapping));
  return fields.filter((f) => f.active && f.required && !mapped.has(f.key) && !(f.key === 'grid_code' && mapped.has('address_code')));
}
