import type { FieldDefinition } from '@gongzhi/contracts';
import type { Kysely } from 'kysely';
import type { BaseEntity, DB } from '../../db/schema.js';
import { coversCode, requirePermission, type Principal } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { badRequest, conflict, notFound } from '../../platform/errors.js';
import { coreFields, type FieldSpec } from './field-model.js';

export type DefinitionRow = Awaited<ReturnType<typeof loadDefinitions>>[number];

/** Field definitions change rarely and are read for every row of an import: kept per process for a minute. */
const cacheTtlMs = 60_000;
const cache = new WeakMap<Kysely<DB>, { rows: Promise<DefinitionRow[]>; at: number }>();

function loadDefinitions(db: Kysely<DB>) {
  return db.selectFrom('field_definitions').selectAll().orderBy('sort').orderBy('key').execute();
}

function definitions(db: Kysely<DB>): Promise<DefinitionRow[]> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < cacheTtlMs) return hit.rows;
  const entry = { rows: loadDefinitions(db), at: Date.now() };
  entry.rows.catch(() => cache.delete(db));
  cache.set(db, entry);
  return entry.rows;
}

/** One spec object per definition row (rows are cached), so what validation caches per spec is reused. */
const specs = new WeakMap<DefinitionRow, FieldSpec>();
const toSpec = (d: DefinitionRow): FieldSpec => {
  let spec = specs.get(d);
  if (!spec) specs.set(d, (spec = specOf(d)));
  return spec;
};
const specOf = (d: DefinitionRow): FieldSpec => ({
  key: d.key, label: d.label, labelEn: d.label_en, type: d.type, required: d.required, options: d.options, pattern: d.pattern,
  min: d.min_value === null ? null : Number(d.min_value), max: d.max_value === null ? null : Number(d.max_value), maxLength: d.max_length, core: false,
});

/** The fields of a record of `entity` filed in `gridCode`: the core ones, then those defined for a jurisdiction covering it. */
export async function fieldSpecsFor(db: Kysely<DB>, entity: BaseEntity, gridCode: string | null): Promise<FieldSpec[]> {
  return specsFromDefinitions(await definitions(db), entity, gridCode);
}

/** fieldSpecsFor on definitions already read (an import's worker thread checks rows without a database). */
export function specsFromDefinitions(rows: readonly DefinitionRow[], entity: BaseEntity, gridCode: string | null): FieldSpec[] {
  const defs = rows.filter((d) => d.entity === entity && d.active && (gridCode === null || coversCode(d.scope_code, gridCode)));
  return [...coreFields[entity], ...defs.map(toSpec)];
}

/** The active field definitions of an entity, as specsFromDefinitions takes them. */
export async function fieldDefinitionsOf(db: Kysely<DB>, entity: BaseEntity): Promise<DefinitionRow[]> {
  return (await definitions(db)).filter((d) => d.entity === entity && d.active);
}

/** The fields a principal works with: core ones and those defined at, above or below their jurisdiction. */
export async function listFields(db: Kysely<DB>, actor: Principal | null, entity: BaseEntity, gridCode?: string): Promise<FieldDefinition[]> {
  const p = requirePermission(actor, 'basedata:read');
  const authorities = await db.selectFrom('field_authorities').select(['field', 'source_code']).where('entity', '=', entity).execute();
  const authority = new Map(authorities.map((a) => [a.field, a.source_code]));
  const defs = (await loadDefinitions(db)).filter(
    (d) => d.entity === entity && (gridCode ? coversCode(d.scope_code, gridCode) && d.active : coversCode(d.scope_code, p.scopeCode) || coversCode(p.scopeCode, d.scope_code)),
  );
  const present = (s: FieldSpec, d?: DefinitionRow): FieldDefinition => ({
    id: d?.id ?? null, entity, key: s.key, label: s.label, labelEn: s.labelEn, type: s.type, required: s.required, options: s.options ?? [],
    pattern: s.pattern ?? null, min: s.min ?? null, max: s.max ?? null, maxLength: s.maxLength ?? null, core: s.core,
    scopeCode: d?.scope_code ?? null, authority: authority.get(s.key) ?? null, active: d?.active ?? true,
  });
  return [...coreFields[entity].map((s) => present(s)), ...defs.map((d) => present(toSpec(d), d))];
}

export interface FieldInput {
  entity: BaseEntity;
  scopeCode?: string | undefined;
  key: string;
  label: string;
  labelEn: string;
  type: FieldSpec['type'];
  required: boolean;
  options: { value: string; label: string }[];
  pattern: string | null;
  min: number | null;
  max: number | null;
  maxLength: number | null;
  sort: number;
}

function checkDefinition(input: Partial<FieldInput>) {
  if (input.type === 'choice' && (input.options?.length ?? 0) === 0) throw badRequest('request.invalid', {}, [{ path: 'options', code: 'options.required', message: '选项字段至少需要一个选项 / a choice field needs options' }]);
  if (input.pattern) {
    try {
      new RegExp(input.pattern);
    } catch {
      throw badRequest('request.invalid', {}, [{ path: 'pattern', code: 'pattern.invalid', message: '校验规则不是有效的正则表达式 / not a valid regular expression' }]);
    }
  }
}

export async function createField(db: Kysely<DB>, actor: Principal | null, input: FieldInput, ip: string): Promise<FieldDefinition> {
  const p = requirePermission(actor, 'basedata:define');
  const scope = input.scopeCode ?? p.scopeCode;
  if (!coversCode(p.scopeCode, scope)) throw notFound('region.not_found', { code: scope });
  if (coreFields[input.entity].some((f) => f.key === input.key)) throw conflict('basedata.field_exists', { key: input.key });
  checkDefinition(input);
  const row = await db.transaction().execute(async (tx) => {
    const clash = await tx.selectFrom('field_definitions').select('id').where('entity', '=', input.entity).where('key', '=', input.key).execute();
    if (clash.length) throw conflict('basedata.field_exists', { key: input.key });
    const created = await tx
      .insertInto('field_definitions')
      .values({
        entity: input.entity, scope_code: scope, key: input.key, label: input.label, label_en: input.labelEn, type: input.type, required: input.required,
        options: JSON.stringify(input.options), pattern: input.pattern, min_value: input.min, max_value: input.max, max_length: input.maxLength, sort: input.sort,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(tx, { action: 'field.create', actor: p, targetType: 'field', targetId: created.id, ip, detail: { entity: input.entity, key: input.key, scope } });
    return created;
  });
  cache.delete(db);
  return (await listFields(db, p, input.entity)).find((f) => f.id === row.id)!;
}

export async function updateField(db: Kysely<DB>, actor: Principal | null, id: string, input: Partial<FieldInput> & { active?: boolean }, ip: string): Promise<FieldDefinition> {
  const p = requirePermission(actor, 'basedata:define');
  const current = await db.selectFrom('field_definitions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!current || !coversCode(p.scopeCode, current.scope_code)) throw notFound('basedata.field_not_found', {});
  checkDefinition({ ...input, type: input.type ?? current.type, options: input.options ?? current.options });
  const set = {
    ...(input.label !== undefined ? { label: input.label } : {}),
    ...(input.labelEn !== undefined ? { label_en: input.labelEn } : {}),
    ...(input.type !== undefined ? { type: input.type } : {}),
    ...(input.required !== undefined ? { required: input.required } : {}),
    ...(input.options !== undefined ? { options: JSON.stringify(input.options) } : {}),
    ...(input.pattern !== undefined ? { pattern: input.pattern } : {}),
    ...(input.min !== undefined ? { min_value: input.min } : {}),
    ...(input.max !== undefined ? { max_value: input.max } : {}),
    ...(input.maxLength !== undefined ? { max_length: input.maxLength } : {}),
    ...(input.sort !== undefined ? { sort: input.sort } : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
  };
  await db.transaction().execute(async (tx) => {
    if (Object.keys(set).length) await tx.updateTable('field_definitions').set(set).where('id', '=', id).execute();
    await writeAudit(tx, { action: 'field.update', actor: p, targetType: 'field', targetId: id, ip, detail: { key: current.key, ...input } });
  });
  cache.delete(db);
  return (await listFields(db, p, current.entity)).find((f) => f.id === id)!;
}

/** Drops the cached definitions of a database (tests that write definitions directly). */
export function forgetFieldDefinitions(db: Kysely<DB>) {
  cache.delete(db);
}
