import type { ArealGeometry } from '@gongzhi/contracts';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requireAccess, type Principal } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { badRequest, notFound } from '../../platform/errors.js';
import { emitEvent } from '../../platform/events.js';

/** An administrator's real polygon replaces the generated (or earlier) boundary of a region. */
export async function replaceRegionBoundary(db: Kysely<DB>, actor: Principal, code: string, geometry: ArealGeometry, ip: string) {
  requireAccess(actor, 'region:write', code, 'region.not_found');
  await db.transaction().execute(async (tx) => {
    const { rows } = await sql<{ code: string }>`
      update regions set geom = st_multi(st_collectionextract(st_makevalid(st_setsrid(st_geomfromgeojson(${JSON.stringify(geometry)}), 4326)), 3)),
             boundary_source = 'uploaded', updated_at = now()
      where code = ${code} returning code`.execute(tx);
    if (!rows[0]) throw notFound('region.not_found', { code });
    const { rows: check } = await sql<{ empty: boolean }>`select st_isempty(geom) as empty from regions where code = ${code}`.execute(tx);
    if (check[0]?.empty) throw badRequest('grid.invalid_geometry', { reason: 'empty polygon / 空图形' });
    await writeAudit(tx, { action: 'region.boundary_replace', actor, targetType: 'region', targetId: code, ip });
    await emitEvent(tx, { topic: 'region.boundary_replace', aggregateType: 'region', aggregateId: code, payload: { code } });
  });
}
