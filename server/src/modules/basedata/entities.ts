import type { BaseEntity } from '../../db/schema.js';
import { coreFields } from './field-model.js';

/**
 * How each entity's flat field values (what forms and files carry) map onto its table. Fields that
 * are columns are written to the column; the others go to `extra`; a few fields are not merged at all
 * (the matching key, and the details of a move that belong to the residence history).
 */
export interface EntityShape {
  table: 'people' | 'dwellings' | 'organisations';
  /** Core fields kept in a column of the same name. */
  columns: ReadonlySet<string>;
  /** Fields that select or describe the write rather than being values of the record. */
  notMerged: ReadonlySet<string>;
}

const coreKeys: Record<BaseEntity, ReadonlySet<string>> = {
  person: new Set(coreFields.person.map((f) => f.key)),
  dwelling: new Set(coreFields.dwelling.map((f) => f.key)),
  organisation: new Set(coreFields.organisation.map((f) => f.key)),
};

export const shapes: Record<BaseEntity, EntityShape> = {
  person: {
    table: 'people',
    columns: new Set(['name', 'gender', 'birth_date', 'person_type', 'grid_code']),
    notMerged: new Set(['id_number', 'id_type', 'residence', 'moved_in']),
  },
  dwelling: {
    table: 'dwellings',
    columns: new Set(['usage', 'area_m2', 'lease_start', 'lease_end']),
    notMerged: new Set(['address_code']),
  },
  organisation: {
    table: 'organisations',
    columns: new Set(['uscc', 'name', 'org_type', 'industry', 'grid_code', 'address', 'legal_rep', 'head_count']),
    notMerged: new Set(),
  },
};

/** True for a core field that is neither a column nor a special case (kept in `extra` like defined fields). */
export function isExtraField(entity: BaseEntity, key: string): boolean {
  return !coreKeys[entity].has(key);
}
