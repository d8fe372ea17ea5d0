import { sql, type Kysely } from 'kysely';
import type { BaseEntity, DB } from '../../db/schema.js';
import { requirePermission, scopeGridRange, type Principal } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { notFound } from '../../platform/errors.js';
import { decryptPii, maskPhone, type PiiKeys } from '../../platform/pii.js';
import { shanghaiDay } from '../calendar/index.js';
import { dwellingsAdapter } from './dwellings.adapter.js';
import { fieldSpecsFor } from './fields.service.js';
import { organisationsAdapter } from './organisations.adapter.js';
import { peopleAdapter } from './people.adapter.js';
import type { EntityAdapter } from './write-batch.js';
import { authoritiesOf, openWrite } from './write-sources.js';

const adapters: Record<BaseEntity, EntityAdapter> = { person: peopleAdapter, dwelling: dwellingsAdapter, organisation: organisationsAdapter };

/** A sealed phone shows masked; everything else as it is. */
function shown(pii: PiiKeys, value: string | null): string | null {
  return value?.startsWith('enc:') ? maskPhone(decryptPii(pii, Buffer.from(value.slice(4), 'base64'))) : value;
}

/** Discrepancies (比对) of records inside the jurisdiction, newest first. */
export async function listDiscrepancies(db: Kysely<DB>, pii: PiiKeys, actor: Principal | null, f: { status: 'open' | 'kept' | 'accepted'; page: number; pageSize: number }) {
  const p = requirePermission(actor, 'basedata:resolve');
  const [lo, hi] = scopeGridRange(p);
  const base = db.selectFrom('discrepancies as x').where('x.status', '=', f.status).where('x.grid_code', '>=', lo).where('x.grid_code', '<=', hi);
  const [rows, total] = await Promise.all([
    base
      .leftJoin('data_writes as cw', 'cw.id', 'x.current_write_id')
      .innerJoin('data_writes as pw', 'pw.id', 'x.proposed_write_id')
      .select([
        'x.id', 'x.entity', 'x.record_id', 'x.grid_code', 'x.field', 'x.current_value', 'x.proposed_value', 'x.created_at', 'x.status',
        'cw.source_code as current_source', 'pw.source_code as proposed_source',
        sql<string>`coalesce((select name from people where id = x.record_id), (select name from organisations where id = x.record_id), (select address_code from dwellings where id = x.record_id), '')`.as('record_name'),
      ])
      .orderBy('x.created_at', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  const labels = new Map<string, string>();
  for (const entity of ['person', 'dwelling', 'organisation'] as const) for (const s of await fieldSpecsFor(db, entity, null)) labels.set(`${entity}.${s.key}`, s.label);
  return {
    total: total.n,
    items: rows.map((r) => ({
      id: r.id, entity: r.entity, recordId: r.record_id, recordName: r.record_name, gridCode: r.grid_code, field: r.field, fieldLabel: labels.get(`${r.entity}.${r.field}`) ?? r.field,
      currentValue: shown(pii, r.current_value), currentSource: r.current_source, proposedValue: shown(pii, r.proposed_value), proposedSource: r.proposed_source,
      createdAt: r.created_at.toISOString(), status: r.status,
    })),
  };
}

/**
 * Resolves a discrepancy: 'keep' the current (authoritative) value, or 'accept' the proposed one, which
 * is then written as the administrator's decision (source 人工核定). The next write of the
 * authoritative source still wins: a wrong department record is corrected at its source.
 */
export async function resolveDiscrepancy(db: Kysely<DB>, pii: PiiKeys, actor: Principal | null, id: string, decision: 'keep' | 'accept', ip: string) {
  const p = requirePermission(actor, 'basedata:resolve');
  const [lo, hi] = scopeGridRange(p);
  await db.transaction().execute(async (tx) => {
    const d = await tx.selectFrom('discrepancies').selectAll().where('id', '=', id).where('status', '=', 'open').where('grid_code', '>=', lo).where('grid_code', '<=', hi).forUpdate().executeTakeFirst();
    if (!d) throw notFound('basedata.discrepancy_not_found', {});
    if (decision === 'accept') {
      const write = await openWrite(tx, { sourceCode: 'manual', actor: p });
      const value = d.proposed_value?.startsWith('enc:') ? decryptPii(pii, Buffer.from(d.proposed_value.slice(4), 'base64')) : d.proposed_value;
      const adapter = adapters[d.entity];
      const ctx = { db: tx, root: db, pii, actor: p, write, authorities: await authoritiesOf(tx, d.entity), today: shanghaiDay(new Date()) };
      const [existing] = await adapter.load(ctx, [], [d.record_id]);
      if (existing) {
        // a move (the current address) also needs the dwelling the address names
        const dwelling = d.field === 'address_code' && value ? await tx.selectFrom('dwellings').select('id').where('address_code', '=', value).executeTakeFirst() : undefined;
        const row = { rowNo: 1, key: existing.key, recordId: existing.id, compared: {}, row: { rowNo: 1, values: { [d.field]: value } }, gridCode: existing.gridCode, context: { dwellingId: dwelling?.id ?? null } };
        await adapter.update(ctx, existing, row, { [d.field]: value as string }, { ...existing.provenance, [d.field]: write.id });
      }
    }
    await tx.updateTable('discrepancies').set({ status: decision === 'keep' ? 'kept' : 'accepted', resolved_by_name: p.displayName, resolved_at: sql`now()` as never }).where('id', '=', id).execute();
    await writeAudit(tx, { action: `discrepancy.${decision}`, actor: p, targetType: d.entity, targetId: d.record_id, ip, detail: { field: d.field } });
  });
  return { id, decision };
}
