import type { Kysely } from 'kysely';
import type { BaseEntity, DB } from '../../db/schema.js';
import { requirePermission, type Principal } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { badRequest } from '../../platform/errors.js';

export async function listTags(db: Kysely<DB>, actor: Principal | null) {
  requirePermission(actor, 'basedata:read');
  const rows = await db.selectFrom('tag_types').selectAll().orderBy('sort').orderBy('code').execute();
  return { items: rows.map((t) => ({ code: t.code, name: t.name, nameEn: t.name_en, focus: t.focus, sort: t.sort, active: t.active })) };
}

export async function upsertTag(db: Kysely<DB>, actor: Principal | null, code: string, input: { name: string; nameEn: string; focus: boolean; sort: number; active: boolean }, ip: string) {
  const p = requirePermission(actor, 'basedata:define');
  const values = { name: input.name, name_en: input.nameEn, focus: input.focus, sort: input.sort, active: input.active };
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('tag_types').values({ code, ...values }).onConflict((oc) => oc.column('code').doUpdateSet(values)).execute();
    await writeAudit(tx, { action: 'tag.set', actor: p, targetType: 'tag', targetId: code, ip, detail: input });
  });
  return { code, ...input };
}

export async function listSources(db: Kysely<DB>, actor: Principal | null) {
  requirePermission(actor, 'basedata:read');
  const [sources, authorities] = await Promise.all([
    db.selectFrom('data_sources').selectAll().orderBy('code').execute(),
    db.selectFrom('field_authorities').selectAll().orderBy('entity').orderBy('field').execute(),
  ]);
  return {
    items: sources.map((s) => ({ code: s.code, name: s.name, nameEn: s.name_en })),
    authorities: authorities.map((a) => ({ entity: a.entity, field: a.field, source: a.source_code })),
  };
}

/** Names (or, with null, removes) the authoritative source of a field. */
export async function setAuthority(db: Kysely<DB>, actor: Principal | null, input: { entity: BaseEntity; field: string; source: string | null }, ip: string) {
  const p = requirePermission(actor, 'basedata:define');
  await db.transaction().execute(async (tx) => {
    if (input.source === null) {
      await tx.deleteFrom('field_authorities').where('entity', '=', input.entity).where('field', '=', input.field).execute();
    } else {
      const known = await tx.selectFrom('data_sources').select('code').where('code', '=', input.source).executeTakeFirst();
      if (!known) throw badRequest('basedata.source_unknown', { code: input.source });
      await tx
        .insertInto('field_authorities')
        .values({ entity: input.entity, field: input.field, source_code: input.source })
        .onConflict((oc) => oc.columns(['entity', 'field']).doUpdateSet({ source_code: input.source as string }))
        .execute();
    }
    await writeAudit(tx, { action: 'authority.set', actor: p, targetType: 'field', targetId: `${input.entity}.${input.field}`, ip, detail: input });
  });
  return listSources(db, p);
}
