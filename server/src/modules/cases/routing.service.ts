import type { CaseLevel } from '@gongzhi/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { coordinatingCode, coversCode, requirePermission, scopeLikePattern, type Principal } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { badRequest, notFound } from '../../platform/errors.js';
import { officeCode, unitByCode, unitsByIds, type UnitRow } from '../accounts/index.js';
import { regionNames } from '../regions/index.js';
import { categoryByCode } from './categories.service.js';
import { pickRule } from './routing.js';

export interface CasePlace {
  categoryCode: string;
  level: CaseLevel;
  countyCode: string;
  streetCode: string;
  communityCode: string;
}

/** A unit may be dispatched a case when it sits inside the division that coordinates the case. */
export const dispatchable = (unit: UnitRow, place: CasePlace) => coversCode(coordinatingCode(place), unit.regionCode);

/**
 * The responsible unit for a case: the most specific routing rule whose unit the case's level may
 * dispatch to; otherwise the office of the place (属地兜底): the community's at community level,
 * the street's above it.
 */
export async function suggestUnit(db: Kysely<DB>, place: CasePlace): Promise<{ unit: UnitRow; rule: string } | null> {
  const prefixes = [place.categoryCode.slice(0, 3), place.categoryCode];
  const rows = await db.selectFrom('routing_rules').select(['id', 'category_code', 'region_code', 'unit_id']).where('category_code', 'in', prefixes).execute();
  const units = await unitsByIds(db, rows.map((r) => r.unit_id));
  const candidates = rows
    .filter((r) => units.has(r.unit_id) && dispatchable(units.get(r.unit_id)!, place))
    .map((r) => ({ id: r.id, categoryCode: r.category_code, regionCode: r.region_code, unitId: r.unit_id }));
  const rule = pickRule(candidates, place.categoryCode, place.communityCode);
  if (rule) {
    const [category, regions] = await Promise.all([categoryByCode(db, rule.categoryCode), regionNames(db, [rule.regionCode])]);
    return { unit: units.get(rule.unitId)!, rule: `${category.name}（${rule.categoryCode}）× ${regions.get(rule.regionCode) ?? rule.regionCode}` };
  }
  const office = officeCode(place.level === 'community' ? place.communityCode : place.streetCode);
  const unit = await unitByCode(db, office);
  return unit ? { unit, rule: '属地兜底' } : null;
}

export async function listRoutingRules(db: Kysely<DB>, actor: Principal | null) {
  const p = requirePermission(actor, 'unit:read');
  const rows = await db
    .selectFrom('routing_rules')
    .select(['id', 'category_code', 'region_code', 'unit_id'])
    .where((eb) => eb.or([eb('region_code', 'like', scopeLikePattern(p)), eb('region_code', '=', `${p.scopeCode.slice(0, 6)}000000`)]))
    .orderBy('category_code')
    .orderBy('region_code')
    .execute();
  const [units, regions, categories] = await Promise.all([
    unitsByIds(db, rows.map((r) => r.unit_id)),
    regionNames(db, rows.map((r) => r.region_code)),
    db.selectFrom('case_categories').select(['code', 'name']).execute(),
  ]);
  const categoryName = new Map(categories.map((c) => [c.code, c.name]));
  return rows.map((r) => ({
    id: r.id,
    categoryCode: r.category_code,
    categoryName: categoryName.get(r.category_code) ?? r.category_code,
    regionCode: r.region_code,
    regionName: regions.get(r.region_code) ?? r.region_code,
    unit: { id: r.unit_id, name: units.get(r.unit_id)?.name ?? '' },
  }));
}

export async function createRoutingRule(db: Kysely<DB>, actor: Principal | null, input: { categoryCode: string; regionCode: string; unitId: string }, ip: string) {
  const p = requirePermission(actor, 'routing:write');
  if (!coversCode(p.scopeCode, input.regionCode)) throw notFound('region.not_found', { code: input.regionCode });
  await categoryByCode(db, input.categoryCode);
  if (!(await unitsByIds(db, [input.unitId])).has(input.unitId)) throw badRequest('case.unit_unknown', { id: input.unitId });
  const values = { category_code: input.categoryCode, region_code: input.regionCode, unit_id: input.unitId };
  return db.transaction().execute(async (tx) => {
    const row = await tx.insertInto('routing_rules').values(values).onConflict((oc) => oc.columns(['category_code', 'region_code']).doUpdateSet({ unit_id: input.unitId })).returning('id').executeTakeFirstOrThrow();
    await writeAudit(tx, { action: 'routing.set', actor: p, targetType: 'routing_rule', targetId: row.id, ip, detail: values });
    return row.id;
  });
}

export async function deleteRoutingRule(db: Kysely<DB>, actor: Principal | null, id: string, ip: string) {
  const p = requirePermission(actor, 'routing:write');
  await db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('routing_rules').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !coversCode(p.scopeCode, row.region_code)) throw notFound('routing.not_found', {});
    await tx.deleteFrom('routing_rules').where('id', '=', id).execute();
    await writeAudit(tx, { action: 'routing.delete', actor: p, targetType: 'routing_rule', targetId: id, ip, detail: { categoryCode: row.category_code, regionCode: row.region_code } });
  });
}
