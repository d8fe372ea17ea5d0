import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/schema.js';

type AttributeRow = Selectable<DB['case_category_attributes']>;

export const attributeDatatypes = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
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
