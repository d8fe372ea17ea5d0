import { attributeDatatypes, attributeListDatatypes, type CategoryAttributeInput } from '@gongzhi/contracts';
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requirePermission, type Principal } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { badRequest, notFound } from '../../platform/errors.js';
import { categoryByCode } from './categories.service.js';
import { checkAttributes, type AttributeAnswers, type CheckedAnswers } from './category-attributes.check.js';

type AttributeRow = Selectable<DB['case_category_attributes']>;

export type AttributeDatatype = (typeof attributeDatatypes)[number];

/** One extra field of a category, as forms (and Open311 service definitions) show it. */
export interface CategoryAttribute {
  code: string;
  datatype: AttributeDatatype;
  required: boolean;
  /** False when the attribute only informs the reporter and takes no answer. */
  variable: boolean;
  description: string;
  datatypeDescription: string | null;
  order: number;
  values: Array<{ key: string; name: string }>;
}

const present = (a: AttributeRow): CategoryAttribute => ({
  code: a.code,
  datatype: a.datatype,
  required: a.required,
  variable: a.variable,
  description: a.description,
  datatypeDescription: a.datatype_description,
  order: a.order,
  values: a.values,
});

/** The extra fields of one category, in the order a form shows them (none for most categories). */
export async function categoryAttributes(db: Kysely<DB>, categoryCode: string): Promise<CategoryAttribute[]> {
  const rows = await db.selectFrom('case_category_attributes').selectAll().where('category_code', '=', categoryCode).orderBy('order').execute();
  return rows.map(present);
}

/** The extra fields of a category, for the settings page (any signed-in user may read them, as the categories). */
export async function listCategoryAttributes(db: Kysely<DB>, actor: Principal | null, categoryCode: string): Promise<CategoryAttribute[]> {
  requirePermission(actor, 'region:read');
  await categoryByCode(db, categoryCode);
  return categoryAttributes(db, categoryCode);
}

/** What the table's checks would refuse with a bare constraint name, said in words: lists need options, the rest none. */
function checkInput(input: CategoryAttributeInput): void {
  const isList = (attributeListDatatypes as readonly string[]).includes(input.datatype);
  if (isList && input.values.length === 0) throw badRequest('case.attribute_values_required', { datatype: input.datatype });
  if (!isList && input.values.length > 0) throw badRequest('case.attribute_values_unexpected', { datatype: input.datatype });
  const keys = new Set<string>();
  for (const v of input.values) {
    if (keys.has(v.key)) throw badRequest('case.attribute_value_twice', { key: v.key });
    keys.add(v.key);
  }
  if (!input.variable && input.required) throw badRequest('case.attribute_info_required');
}

/** Writes `codes` as the category's order 1…n (the unique order is moved out of the way first, as it cannot be deferred). */
async function renumber(tx: Kysely<DB>, categoryCode: string, codes: readonly string[]): Promise<void> {
  await tx.updateTable('case_category_attributes').set((eb) => ({ order: eb('order', '+', 1000) })).where('category_code', '=', categoryCode).execute();
  for (const [i, code] of codes.entries()) {
    await tx.updateTable('case_category_attributes').set({ order: i + 1 }).where('category_code', '=', categoryCode).where('code', '=', code).execute();
  }
}

/** The codes of a category in order, with `code` moved to position `order` (1-based; past the end = last). */
function placed(codes: readonly string[], code: string, order: number | undefined): string[] {
  const current = codes.indexOf(code);
  if (order === undefined && current >= 0) return [...codes];
  const others = codes.filter((c) => c !== code);
  const at = Math.min(Math.max((order ?? others.length + 1) - 1, 0), others.length);
  return [...others.slice(0, at), code, ...others.slice(at)];
}

/** A leaf category whose fields an administrator edits (a major class is never reported, so it has none). */
async function editableCategory(tx: Kysely<DB>, categoryCode: string): Promise<void> {
  const category = await categoryByCode(tx, categoryCode);
  if (category.parent_code === null) throw badRequest('case.category_major', { code: categoryCode });
}

async function orderedCodes(tx: Kysely<DB>, categoryCode: string): Promise<string[]> {
  const rows = await tx.selectFrom('case_category_attributes').select('code').where('category_code', '=', categoryCode).orderBy('order').forUpdate().execute();
  return rows.map((r) => r.code);
}

/**
 * Adds (`create`) or edits an extra field of a category; `order` moves it among the others. Adding a
 * code the category already has is a 400, editing one it lacks a 404.
 */
export async function saveCategoryAttribute(
  db: Kysely<DB>, actor: Principal | null, categoryCode: string, code: string, input: CategoryAttributeInput, mode: 'create' | 'update', ip: string,
): Promise<CategoryAttribute> {
  const p = requirePermission(actor, 'category:write');
  checkInput(input);
  return db.transaction().execute(async (tx) => {
    await editableCategory(tx, categoryCode);
    const codes = await orderedCodes(tx, categoryCode);
    if (mode === 'create' && codes.includes(code)) throw badRequest('case.attribute_exists', { code, category: categoryCode });
    if (mode === 'update' && !codes.includes(code)) throw notFound('case.attribute_not_found', { code, category: categoryCode });
    const values = {
      datatype: input.datatype, required: input.required, variable: input.variable, description: input.description,
      datatype_description: input.datatypeDescription || null, values: JSON.stringify(input.values),
    };
    const order = placed(codes, code, input.order);
    if (mode === 'create') {
      // a free order until renumber places it (the others are 1…n ≤ 100, then 1001…)
      await tx.insertInto('case_category_attributes').values({ category_code: categoryCode, code, order: 999, ...values }).execute();
    } else {
      await tx.updateTable('case_category_attributes').set(values).where('category_code', '=', categoryCode).where('code', '=', code).execute();
    }
    await renumber(tx, categoryCode, order);
    await writeAudit(tx, { action: `category.attribute_${mode}`, actor: p, targetType: 'case_category', targetId: categoryCode, ip, detail: { code, datatype: input.datatype, order: order.indexOf(code) + 1 } });
    return (await categoryAttributes(tx, categoryCode)).find((a) => a.code === code)!;
  });
}

export async function deleteCategoryAttribute(db: Kysely<DB>, actor: Principal | null, categoryCode: string, code: string, ip: string): Promise<void> {
  const p = requirePermission(actor, 'category:write');
  await db.transaction().execute(async (tx) => {
    await categoryByCode(tx, categoryCode);
    const codes = await orderedCodes(tx, categoryCode);
    if (!codes.includes(code)) throw notFound('case.attribute_not_found', { code, category: categoryCode });
    await tx.deleteFrom('case_category_attributes').where('category_code', '=', categoryCode).where('code', '=', code).execute();
    await renumber(tx, categoryCode, codes.filter((c) => c !== code));
    await writeAudit(tx, { action: 'category.attribute_delete', actor: p, targetType: 'case_category', targetId: categoryCode, ip, detail: { code } });
  });
}

/** Puts a category's fields in the order given, which must name each of them once. */
export async function reorderCategoryAttributes(db: Kysely<DB>, actor: Principal | null, categoryCode: string, codes: readonly string[], ip: string): Promise<CategoryAttribute[]> {
  const p = requirePermission(actor, 'category:write');
  return db.transaction().execute(async (tx) => {
    await categoryByCode(tx, categoryCode);
    const current = await orderedCodes(tx, categoryCode);
    if (codes.length !== current.length || new Set(codes).size !== codes.length || codes.some((c) => !current.includes(c))) {
      throw badRequest('case.attribute_order', { codes: current.join(', ') });
    }
    await renumber(tx, categoryCode, codes);
    await writeAudit(tx, { action: 'category.attribute_reorder', actor: p, targetType: 'case_category', targetId: categoryCode, ip, detail: { codes } });
    return categoryAttributes(tx, categoryCode);
  });
}

/**
 * The answers of a report made through the API's own form, checked and typed like Open311's; a report
 * that sends none is not asked for them (older clients, the offline collection), so the fields bind
 * only those who show them.
 */
export async function checkedReportAnswers(db: Kysely<DB>, categoryCode: string, answers: AttributeAnswers | undefined): Promise<CheckedAnswers | undefined> {
  if (answers === undefined) return undefined;
  const checked = checkAttributes(categoryCode, await categoryAttributes(db, categoryCode), answers);
  return Object.keys(checked).length ? checked : undefined;
}

/** Codes of the categories that have extra fields (Open311 `metadata: true`). */
export async function categoriesWithAttributes(db: Kysely<DB>): Promise<Set<string>> {
  const rows = await db.selectFrom('case_category_attributes').select('category_code').distinct().execute();
  return new Set(rows.map((r) => r.category_code));
}

type Seed = Omit<CategoryAttribute, 'datatypeDescription' | 'variable' | 'values'> & { datatypeDescription?: string; variable?: boolean; values?: CategoryAttribute['values'] };

/**
 * A few realistic extra fields, loaded with the default categories: what a command centre needs to
 * dispatch a manhole cover (whose cover it is decides the unit) and a noise complaint (night noise goes
 * to a different desk). Administrators replace them with their own.
 */
export const defaultCategoryAttributes: Record<string, Seed[]> = {
  C0101: [
    {
      code: 'cover_type', datatype: 'singlevaluelist', required: true, order: 1, description: '井盖类型（看井盖上的字样）',
      values: [
        { key: 'sewage', name: '污水' }, { key: 'rain', name: '雨水' }, { key: 'power', name: '电力' },
        { key: 'telecom', name: '通信' }, { key: 'gas', name: '燃气' }, { key: 'unknown', name: '无法辨认' },
      ],
    },
    {
      code: 'damage', datatype: 'singlevaluelist', required: true, order: 2, description: '损坏情况',
      values: [{ key: 'missing', name: '缺失' }, { key: 'broken', name: '破损' }, { key: 'uneven', name: '沉降或凸起' }, { key: 'loose', name: '松动异响' }],
    },
    { code: 'count', datatype: 'number', required: false, order: 3, description: '涉及井盖数量', datatypeDescription: '填写数字，例如 2' },
  ],
  S0501: [
    {
      code: 'period', datatype: 'singlevaluelist', required: true, order: 1, description: '发生时段',
      values: [{ key: 'day', name: '白天（6:00–22:00）' }, { key: 'night', name: '夜间（22:00–次日 6:00）' }, { key: 'all_day', name: '全天' }],
    },
    {
      code: 'source', datatype: 'multivaluelist', required: false, order: 2, description: '噪声来源（可多选）',
      values: [
        { key: 'construction', name: '建筑施工' }, { key: 'business', name: '商业经营' }, { key: 'traffic', name: '交通运输' },
        { key: 'neighbours', name: '社会生活' }, { key: 'industry', name: '工业生产' },
      ],
    },
    { code: 'first_noticed', datatype: 'datetime', required: false, order: 3, description: '首次发现时间', datatypeDescription: 'ISO 8601，例如 2026-11-22T23:30:00+08:00' },
    { code: 'night_work_notice', datatype: 'string', required: false, variable: false, order: 4, description: '夜间施工噪声正在发生时，请同时拨打 12345 热线，便于执法人员到场取证。' },
  ],
};

/** Loads the default extra fields; their categories must exist (seedCaseReference calls it right after them). */
export async function seedCategoryAttributes(db: Kysely<DB>): Promise<void> {
  const rows = Object.entries(defaultCategoryAttributes).flatMap(([categoryCode, attributes]) =>
    attributes.map((a) => ({
      category_code: categoryCode, code: a.code, datatype: a.datatype, required: a.required, variable: a.variable ?? true,
      description: a.description, datatype_description: a.datatypeDescription ?? null, order: a.order, values: JSON.stringify(a.values ?? []),
    })),
  );
  await db.insertInto('case_category_attributes').values(rows).execute();
}
