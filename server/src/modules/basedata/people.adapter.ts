import { sql } from 'kysely';
import { coversCode, scopeGridRange } from '../../platform/access.js';
import { encryptPii, maskIdNumber, piiHash, type PiiKeys } from '../../platform/pii.js';
import { activeGridCodes } from '../regions/index.js';
import { isExtraField, shapes } from './entities.js';
import { nameGrams } from './grams.js';
import { phoneColumns, sealedPhone } from './organisations.adapter.js';
import { insertColumns, textArrayText, type ColumnKind } from './insert-records.js';
import type { Provenance } from './precedence.js';
import { failed, type EntityAdapter, type ExistingRecord, type IncomingRow, type PreparedRow, type RowOutcome, type WriteContext } from './write-batch.js';
import { dayText, extraValues, updateRecord } from './record-columns.js';

/** The matching key of a person across sources: a keyed hash of the document number (never the number). */
export function personKey(pii: PiiKeys, idType: string, idNumber: string): string {
  return piiHash(pii, idType === 'resident' ? idNumber : `${idType}:${idNumber}`, 'id');
}

/** Places each row: its grid (given, or the grid of its dwelling), both inside the writer's jurisdiction. */
async function placeRows(ctx: WriteContext, rows: IncomingRow[]) {
  const [lo, hi] = scopeGridRange(ctx.actor);
  const codes = [...new Set(rows.flatMap((r) => (r.values.address_code ? [r.values.address_code] : [])))];
  const dwellings = codes.length
    ? await ctx.db.selectFrom('dwellings').select(['id', 'address_code', 'grid_code']).where('address_code', 'in', codes).where('grid_code', '>=', lo).where('grid_code', '<=', hi).execute()
    : [];
  const dwellingByCode = new Map(dwellings.map((d) => [d.address_code, d]));
  const grids = await activeGridCodes(ctx.db, rows.flatMap((r) => (r.values.grid_code ? [r.values.grid_code] : [])));
  return { dwellingByCode, grids };
}

const personColumns: Record<string, ColumnKind> = {
  id: 'uuid', id_type: 'text', id_hash: 'text', id_cipher: 'bytea', id_masked: 'text', name: 'text', name_grams: 'text[]', gender: 'text',
  birth_date: 'date', phone_hash: 'text', phone_cipher: 'bytea', phone_masked: 'text', person_type: 'text', grid_code: 'text', dwelling_id: 'uuid',
  extra: 'jsonb', provenance: 'jsonb',
};

export const peopleAdapter: EntityAdapter = {
  entity: 'person',
  noun: '人员',

  async prepare(ctx, rows) {
    const { dwellingByCode, grids } = await placeRows(ctx, rows);
    return rows.map((row): PreparedRow | RowOutcome => {
      const v = row.values;
      const dwelling = v.address_code ? dwellingByCode.get(v.address_code) : undefined;
      if (v.address_code && !dwelling) return failed(row.rowNo, { field: 'address_code', code: 'basedata.value.address_unknown', params: { value: v.address_code } });
      const gridCode = v.grid_code ?? dwelling?.grid_code ?? null;
      if (v.grid_code && (!grids.has(v.grid_code) || !coversCode(ctx.actor.scopeCode, v.grid_code)))
        return failed(row.rowNo, { field: 'grid_code', code: 'basedata.value.grid_unknown', params: { value: v.grid_code } });
      const idType = v.id_type ?? 'resident';
      let compared: Record<string, string | null> | undefined;
      return {
        rowNo: row.rowNo,
        key: row.precomputed?.id_hash ?? (v.id_number ? personKey(ctx.pii, idType, v.id_number) : null),
        ...(row.recordId ? { recordId: row.recordId } : {}),
        // only a row that meets an existing record is compared: a first import never builds these
        get compared() {
          if (compared) return compared;
          compared = {};
          for (const k in v) if (!shapes.person.notMerged.has(k)) compared[k] = v[k] ?? null;
          if (dwelling && !v.grid_code) compared.grid_code = dwelling.grid_code;
          if (v.phone) compared.phone = row.precomputed?.phone_hash ?? piiHash(ctx.pii, v.phone, 'phone');
          return compared;
        },
        row,
        gridCode: gridCode ?? '',
        context: { dwellingId: dwelling?.id ?? null, idType },
      };
    });
  },

  async load(ctx, keys, ids) {
    if (keys.length === 0 && ids.length === 0) return [];
    const rows = await ctx.db
      .selectFrom('people as p')
      .leftJoin('dwellings as d', 'd.id', 'p.dwelling_id')
      .select(['p.id', 'p.id_hash', 'p.name', 'p.gender', dayText('p.birth_date').as('birth_date'), 'p.phone_hash', 'p.person_type', 'p.grid_code', 'p.extra', 'p.provenance', 'd.address_code'])
      .where((eb) => eb.or([...(keys.length ? [eb('p.id_hash', 'in', keys)] : []), ...(ids.length ? [eb('p.id', 'in', ids)] : [])]))
      .forUpdate('p')
      .execute();
    return rows.map((r): ExistingRecord => ({
      id: r.id,
      key: r.id_hash,
      gridCode: r.grid_code,
      provenance: r.provenance as Provenance,
      compared: {
        ...extraValues(r.extra),
        name: r.name, gender: r.gender, birth_date: r.birth_date, phone: r.phone_hash, person_type: r.person_type, grid_code: r.grid_code, address_code: r.address_code,
      },
    }));
  },

  async insert(ctx, rows) {
    const provenance = JSON.stringify({ '*': ctx.write.id });
    const records = rows.map(({ id, row }) => ({
      id,
      ...(row.row.precomputed ?? personColumnTexts(ctx.pii, Object.keys(row.row.values), Object.values(row.row.values))),
      grid_code: row.gridCode,
      dwelling_id: row.context.dwellingId ?? null,
      provenance,
    }));
    await insertColumns(ctx.db, 'people', personColumns, records);
    const moves = rows.filter((r) => r.row.context.dwellingId);
    if (moves.length) await ctx.db.insertInto('residencies').values(moves.map((r) => residency(ctx, r.id, r.row))).execute();
  },

  async update(ctx, existing, row, changes, provenance) {
    await updateRecord(ctx.db, 'person', existing.id, changes, provenance, (k, value) => {
      if (k === 'name') return { name: value, name_grams: nameGrams(value) };
      if (k === 'phone') return phoneColumns(ctx.pii, row.row.values.phone);
      if (k === 'address_code') return { dwelling_id: row.context.dwellingId };
      return undefined;
    });
    if ('address_code' in changes) {
      const movedOn = row.row.values.moved_in ?? ctx.today;
      await ctx.db.updateTable('residencies').set({ moved_out: sql`greatest(moved_in, ${movedOn}::date)` as never }).where('person_id', '=', existing.id).where('moved_out', 'is', null).execute();
      await ctx.db.insertInto('residencies').values(residency(ctx, existing.id, row)).execute();
    }
  },

  storedValue(ctx, field, value, row) {
    return sealedPhone(ctx.pii, field, value, row?.row.values.phone);
  },
};

function residency(ctx: WriteContext, personId: string, row: PreparedRow) {
  const v = row.row.values;
  const relation = (v.residence ?? (v.person_type === 'liudong' ? 'tenant' : 'family')) as 'tenant';
  return { person_id: personId, dwelling_id: row.context.dwellingId as string, relation, moved_in: v.moved_in ?? ctx.today };
}

/**
 * The columns of a new person that follow from its values alone (no database): keys, ciphers, masks,
 * search grams and extra fields, as the text insertColumns sends. Values come by position (`fields`
 * names them), as an import's worker thread has them: it computes these beside the thread that writes.
 */
export function personColumnTexts(pii: PiiKeys, fields: readonly string[], values: readonly (string | null | undefined)[]): Record<string, string | null> {
  const v: Record<string, string | null> = {};
  for (const key of ['id_type', 'id_number', 'name', 'gender', 'birth_date', 'phone', 'person_type']) {
    const at = fields.indexOf(key);
    v[key] = at >= 0 ? (values[at] ?? null) : null;
  }
  const idType = v.id_type ?? 'resident';
  const idNumber = v.id_number;
  const phone = phoneColumns(pii, v.phone);
  return {
    id_type: idType,
    // a row without a number fails as incomplete before it is inserted
    id_hash: idNumber ? personKey(pii, idType, idNumber) : null,
    id_cipher: idNumber ? encryptPii(pii, idNumber).toString('hex') : null,
    id_masked: idNumber ? maskIdNumber(idNumber) : null,
    name: v.name ?? null,
    // a row without a name fails as incomplete too (imports check what a row carries, and it may carry no name)
    name_grams: v.name ? textArrayText(nameGrams(v.name)) : null,
    gender: v.gender ?? null,
    birth_date: v.birth_date ?? null,
    phone_hash: phone.phone_hash,
    phone_cipher: phone.phone_cipher?.toString('hex') ?? null,
    phone_masked: phone.phone_masked,
    person_type: v.person_type ?? null,
    extra: extraJson(fields, values),
  };
}

/** Strings JSON can carry between quotes as they are (no quote, backslash or control character). */
const plainJsonText = /^[^"\\\u0000-\u001f]*$/;

/**
 * The extra fields of a person as the JSON text of the `extra` column, written directly: an import
 * does this for a million rows of 130 fields, where an intermediate object and JSON.stringify cost
 * twice as much. Joined once, the text is one flat string rather than a rope of hundreds of pieces
 * that a batch would keep alive until it is written.
 */
function extraJson(fields: readonly string[], values: readonly (string | null | undefined)[]): string {
  const parts: string[] = [];
  for (let i = 0; i < fields.length; i++) {
    const value = values[i];
    if (value === null || value === undefined || !isExtraField('person', fields[i]!)) continue;
    parts.push(`"${fields[i]}":${plainJsonText.test(value) ? `"${value}"` : JSON.stringify(value)}`);
  }
  return `{${parts.join(',')}}`;
}
