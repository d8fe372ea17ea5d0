import type { CategoryItem } from '@gongzhi/contracts';
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requirePermission, type Principal } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { badRequest, notFound } from '../../platform/errors.js';
import { unitIdsByCode } from '../accounts/index.js';
import { seedCategoryAttributes } from './category-attributes.service.js';
import { defaultCategories, defaultLimits, duplicateDefaults } from './category-defaults.js';

type CategoryRow = Selectable<DB['case_categories']>;

const kindOf = (code: string) => (code.startsWith('C') ? 'component' : code.startsWith('E') ? 'event' : 'social') as CategoryItem['kind'];

export const presentCategory = (c: CategoryRow): CategoryItem => ({
  code: c.code,
  parentCode: c.parent_code,
  kind: c.kind,
  name: c.name,
  nameEn: c.name_en,
  priority: c.priority,
  defaultLevel: c.default_level,
  limits: { register: c.limit_register, dispatch: c.limit_dispatch, handle: c.limit_handle, verify: c.limit_verify },
  sensitive: c.sensitive,
  active: c.active,
  duplicates: { radiusM: c.duplicate_radius_m ?? duplicateDefaults(c.code).radiusM, windowHours: c.duplicate_window_hours ?? duplicateDefaults(c.code).windowHours },
});

/** Loads the default categories and the district's routing rules once, at setup. */
export async function seedCaseReference(db: Kysely<DB>, countyCode: string): Promise<void> {
  const units = await unitIdsByCode(db);
  const unit = (code: string) => units.get(`${countyCode.slice(0, 6)}-${code}`)!;
  const categories = [];
  const rules = [];
  for (const [code, name, nameEn, level, handle, unitCode, minors] of defaultCategories) {
    const major = { code, parent_code: null, kind: kindOf(code), name, name_en: nameEn, priority: 'normal' as const, default_level: level, limit_register: defaultLimits.register, limit_dispatch: defaultLimits.dispatch, limit_handle: handle, limit_verify: defaultLimits.verify, duplicate_radius_m: duplicateDefaults(code).radiusM, duplicate_window_hours: duplicateDefaults(code).windowHours };
    categories.push(major);
    rules.push({ category_code: code, region_code: countyCode, unit_id: unit(unitCode) });
    for (const [minorCode, minorName, minorEn, extra = {}] of minors) {
      categories.push({ ...major, code: minorCode, parent_code: code, name: minorName, name_en: minorEn, priority: extra.priority ?? 'normal', limit_handle: extra.handle ?? handle, sensitive: extra.sensitive ?? false, duplicate_radius_m: duplicateDefaults(minorCode).radiusM, duplicate_window_hours: duplicateDefaults(minorCode).windowHours });
      if (extra.unit) rules.push({ category_code: minorCode, region_code: countyCode, unit_id: unit(extra.unit) });
    }
  }
  await db.insertInto('case_categories').values(categories).execute();
  await db.insertInto('routing_rules').values(rules).execute();
  await seedCategoryAttributes(db);
}

export async function listCategories(db: Kysely<DB>, actor: Principal | null): Promise<CategoryItem[]> {
  requirePermission(actor, 'region:read');
  const rows = await db.selectFrom('case_categories').selectAll().orderBy('code').execute();
  return rows.map(presentCategory);
}

/**
 * Categories change rarely and every report reads one: each process keeps the table for a minute,
 * and forgets it at once when it edits a category itself.
 */
const cacheTtlMs = 60_000;
const cache = new WeakMap<Kysely<DB>, { loadedAt: number; rows: Promise<Map<string, CategoryRow>> }>();

export function cachedCategories(db: Kysely<DB>): Promise<Map<string, CategoryRow>> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.loadedAt < cacheTtlMs) return hit.rows;
  const rows = db.selectFrom('case_categories').selectAll().execute().then((all) => new Map(all.map((c) => [c.code, c])));
  const entry = { loadedAt: Date.now(), rows };
  cache.set(db, entry);
  rows.catch(() => cache.get(db) === entry && cache.delete(db));
  return rows;
}

/** Category names by code, for display (from the same per-process cache). */
export async function categoryNames(db: Kysely<DB>): Promise<Map<string, string>> {
  return new Map([...(await cachedCategories(db))].map(([code, c]) => [code, c.name]));
}

/** An active leaf category, for a report. */
export async function reportableCategory(db: Kysely<DB>, code: string): Promise<CategoryRow> {
  const row = (await cachedCategories(db)).get(code);
  if (!row || !row.active) throw badRequest('case.category_unknown', { code });
  if (row.parent_code === null) throw badRequest('case.category_major', { code });
  return row;
}

/** The categories a report may name (active types under an active class), with their class, for partner catalogues. */
export async function reportableCategories(db: Kysely<DB>): Promise<Array<CategoryItem & { parentName: string }>> {
  const all = await cachedCategories(db);
  return [...all.values()]
    .filter((c) => c.active && c.parent_code !== null && all.get(c.parent_code)?.active)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((c) => ({ ...presentCategory(c), parentName: all.get(c.parent_code!)!.name }));
}

export async function categoryByCode(db: Kysely<DB>, code: string): Promise<CategoryRow> {
  const row = await db.selectFrom('case_categories').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) throw notFound('case.category_unknown', { code });
  return row;
}

/** Creates or edits a category; a minor type needs its major class to exist. */
export async function upsertCategory(db: Kysely<DB>, actor: Principal | null, code: string, input: Omit<CategoryItem, 'code'>, ip: string): Promise<CategoryItem> {
  const p = requirePermission(actor, 'category:write');
  const expectedParent = code.length === 5 ? code.slice(0, 3) : null;
  if (input.parentCode !== expectedParent || kindOf(code) !== input.kind) throw badRequest('case.category_mismatch', { code });
  return db.transaction().execute(async (tx) => {
    if (expectedParent) await categoryByCode(tx, expectedParent);
    const values = {
      parent_code: input.parentCode, kind: input.kind, name: input.name, name_en: input.nameEn, priority: input.priority, default_level: input.defaultLevel,
      limit_register: input.limits.register, limit_dispatch: input.limits.dispatch, limit_handle: input.limits.handle, limit_verify: input.limits.verify,
      sensitive: input.sensitive, active: input.active, updated_at: new Date(),
      ...(input.duplicates ? { duplicate_radius_m: input.duplicates.radiusM, duplicate_window_hours: input.duplicates.windowHours } : {}),
    };
    const row = await tx.insertInto('case_categories').values({ code, ...values }).onConflict((oc) => oc.column('code').doUpdateSet(values)).returningAll().executeTakeFirstOrThrow();
    await writeAudit(tx, { action: 'category.upsert', actor: p, targetType: 'case_category', targetId: code, ip, detail: { name: input.name } });
    return presentCategory(row);
  }).finally(() => cache.delete(db));
}
