import { coversCode } from '../../platform/access.js';
import { encryptPii, maskPhone, piiHash, type PiiKeys } from '../../platform/pii.js';
import { activeGridCodes } from '../regions/index.js';
import { shapes } from './entities.js';
import { nameGrams } from './grams.js';
import type { Provenance } from './precedence.js';
import { failed, type EntityAdapter, type ExistingRecord, type PreparedRow, type RowOutcome } from './write-batch.js';
import { extraValues, updateRecord } from './record-columns.js';

/** Organisations are matched across sources on their unified social credit code (when they have one). */
export const organisationsAdapter: EntityAdapter = {
  entity: 'organisation',
  noun: '单位',

  async prepare(ctx, rows) {
    const grids = await activeGridCodes(ctx.db, rows.flatMap((r) => (r.values.grid_code ? [r.values.grid_code] : [])));
    return rows.map((row): PreparedRow | RowOutcome => {
      const v = row.values;
      if (v.grid_code && (!grids.has(v.grid_code) || !coversCode(ctx.actor.scopeCode, v.grid_code)))
        return failed(row.rowNo, { field: 'grid_code', code: 'basedata.value.grid_unknown', params: { value: v.grid_code } });
      const compared: Record<string, string | null> = { ...v };
      if (v.phone) compared.phone = piiHash(ctx.pii, v.phone, 'phone');
      return { rowNo: row.rowNo, key: v.uscc ?? null, ...(row.recordId ? { recordId: row.recordId } : {}), compared, row, gridCode: v.grid_code ?? '', context: {} };
    });
  },

  async load(ctx, keys, ids) {
    if (keys.length === 0 && ids.length === 0) return [];
    const rows = await ctx.db
      .selectFrom('organisations')
      .select(['id', 'uscc', 'name', 'org_type', 'industry', 'grid_code', 'address', 'legal_rep', 'phone_hash', 'head_count', 'extra', 'provenance'])
      .where((eb) => eb.or([...(keys.length ? [eb('uscc', 'in', keys)] : []), ...(ids.length ? [eb('id', 'in', ids)] : [])]))
      .forUpdate()
      .execute();
    return rows.map((r): ExistingRecord => ({
      id: r.id,
      key: r.uscc,
      gridCode: r.grid_code,
      provenance: r.provenance as Provenance,
      compared: {
        ...extraValues(r.extra),
        uscc: r.uscc, name: r.name, org_type: r.org_type, industry: r.industry, grid_code: r.grid_code, address: r.address, legal_rep: r.legal_rep,
        phone: r.phone_hash, head_count: r.head_count === null ? null : String(r.head_count),
      },
    }));
  },

  async insert(ctx, rows) {
    await ctx.db
      .insertInto('organisations')
      .values(
        rows.map(({ id, row }) => {
          const v = row.row.values;
          const extra: Record<string, string> = {};
          for (const [k, value] of Object.entries(v)) if (value !== null && !shapes.organisation.columns.has(k) && k !== 'phone') extra[k] = value;
          return {
            id, uscc: v.uscc ?? null, name: v.name as string, name_grams: nameGrams(v.name as string), org_type: v.org_type as 'enterprise', industry: v.industry ?? null,
            grid_code: row.gridCode, address: v.address as string, legal_rep: v.legal_rep ?? null, ...phoneColumns(ctx.pii, v.phone),
            head_count: v.head_count === null || v.head_count === undefined ? null : Number(v.head_count),
            extra: JSON.stringify(extra), provenance: JSON.stringify({ '*': ctx.write.id }),
          };
        }),
      )
      .execute();
  },

  async update(ctx, existing, row, changes, provenance) {
    await updateRecord(ctx.db, 'organisation', existing.id, changes, provenance, (k, value) => {
      if (k === 'name') return { name: value, name_grams: nameGrams(value) };
      if (k === 'phone') return phoneColumns(ctx.pii, row.row.values.phone);
      if (k === 'head_count') return { head_count: Number(value) };
      return undefined;
    });
  },

  storedValue: (ctx, field, value, row) => sealedPhone(ctx.pii, field, value, row?.row.values.phone),
};

/**
 * How a discrepancy keeps a phone: the compared value is its hash, so the proposed number is kept
 * encrypted (to apply it if accepted) and the current one is only said to be there.
 */
export function sealedPhone(pii: PiiKeys, field: string, value: string | null, plainProposed: string | null | undefined): string | null {
  if (value === null || field !== 'phone') return value;
  return plainProposed ? `enc:${encryptPii(pii, plainProposed).toString('base64')}` : '（已加密）';
}

export function phoneColumns(pii: PiiKeys, phone: string | null | undefined) {
  if (!phone) return { phone_hash: null, phone_cipher: null, phone_masked: null };
  return { phone_hash: piiHash(pii, phone, 'phone'), phone_cipher: encryptPii(pii, phone), phone_masked: maskPhone(phone) };
}
