import { scopeGridRange } from '../../platform/access.js';
import { shapes } from './entities.js';
import type { Provenance } from './precedence.js';
import { failed, type EntityAdapter, type ExistingRecord, type PreparedRow, type RowOutcome } from './write-batch.js';
import { dayText, extraValues, updateRecord } from './record-columns.js';

/**
 * Dwellings are created with their building (a point on the map, see housing.service.ts); writes and
 * imports update them, matched on the standard address code. An unknown address fails its row.
 */
export const dwellingsAdapter: EntityAdapter = {
  entity: 'dwelling',
  noun: '房屋',

  async prepare(ctx, rows) {
    const [lo, hi] = scopeGridRange(ctx.actor);
    const codes = [...new Set(rows.flatMap((r) => (r.values.address_code ? [r.values.address_code] : [])))];
    const known = codes.length
      ? new Map((await ctx.db.selectFrom('dwellings').select(['address_code', 'grid_code']).where('address_code', 'in', codes).where('grid_code', '>=', lo).where('grid_code', '<=', hi).execute()).map((d) => [d.address_code, d.grid_code]))
      : new Map<string, string>();
    return rows.map((row): PreparedRow | RowOutcome => {
      const code = row.values.address_code;
      if (!row.recordId && (!code || !known.has(code))) return failed(row.rowNo, { field: 'address_code', code: 'basedata.value.address_unknown', params: { value: code ?? '' } });
      const compared: Record<string, string | null> = {};
      for (const [k, v] of Object.entries(row.values)) if (!shapes.dwelling.notMerged.has(k)) compared[k] = v;
      return { rowNo: row.rowNo, key: code ?? null, ...(row.recordId ? { recordId: row.recordId } : {}), compared, row, gridCode: code ? (known.get(code) ?? '') : '', context: {} };
    });
  },

  async load(ctx, keys, ids) {
    if (keys.length === 0 && ids.length === 0) return [];
    const rows = await ctx.db
      .selectFrom('dwellings')
      .select(['id', 'address_code', 'grid_code', 'usage', 'area_m2', dayText('lease_start').as('lease_start'), dayText('lease_end').as('lease_end'), 'extra', 'provenance'])
      .where((eb) => eb.or([...(keys.length ? [eb('address_code', 'in', keys)] : []), ...(ids.length ? [eb('id', 'in', ids)] : [])]))
      .forUpdate()
      .execute();
    return rows.map((r): ExistingRecord => ({
      id: r.id,
      key: r.address_code,
      gridCode: r.grid_code,
      provenance: r.provenance as Provenance,
      compared: {
        ...extraValues(r.extra),
        usage: r.usage, area_m2: r.area_m2 === null ? null : String(Number(r.area_m2)), lease_start: r.lease_start, lease_end: r.lease_end,
      },
    }));
  },

  async insert() {
    // never reached: prepare fails every row without a known address
    throw new Error('dwellings are created with their building');
  },

  async update(ctx, existing, _row, changes, provenance) {
    await updateRecord(ctx.db, 'dwelling', existing.id, changes, provenance);
  },

  storedValue: (_ctx, _field, value) => value,
};
