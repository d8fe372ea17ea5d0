import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../platform/errors.js';
import { categoriesWithAttributes, categoryAttributes, reportableCategories } from '../cases/index.js';

/** Bumped when the interface (not the data) changes, as discovery's changeset asks. */
export const interfaceChangeset = '2026-11-24T00:00:00Z';

/** Service discovery: where the endpoint is, in which formats, and how to get a key. */
export function discovery(baseUrl: string) {
  return {
    changeset: interfaceChangeset,
    contact: '共治平台运维：请联系本区网格化服务管理中心（指挥中心）。Gongzhi operations: contact the district grid management command centre.',
    key_service: '由平台管理员在“系统管理 › API 密钥”中签发，需含 case:report（提交）及 region:read、case:read（查询）权限。Keys are issued by a platform administrator (API keys page) with case:report to post and region:read + case:read to read.',
    endpoints: [
      { specification: 'http://wiki.open311.org/GeoReport_v2', url: `${baseUrl}/open311/v2`, changeset: interfaceChangeset, type: 'production', formats: ['text/xml', 'application/json'] },
    ],
  };
}

/** One service per reportable case type; its group is the major class, so apps can show the familiar tree. */
export async function services(db: Kysely<DB>) {
  const [categories, withAttributes] = await Promise.all([reportableCategories(db), categoriesWithAttributes(db)]);
  return categories.map((c) => ({
    service_code: c.code,
    service_name: c.name,
    description: `${c.parentName} › ${c.name}（${c.nameEn}）`,
    metadata: withAttributes.has(c.code),
    type: 'realtime' as const,
    keywords: [c.name, c.nameEn, c.parentName].join(','),
    group: c.parentName,
  }));
}

/** The extra fields of a service, from its category's attributes; 404 for a code that is not a service. */
export async function serviceDefinition(db: Kysely<DB>, code: string) {
  if (!(await reportableCategories(db)).some((c) => c.code === code)) throw notFound('open311.service_unknown', { code });
  const attributes = await categoryAttributes(db, code);
  return {
    service_code: code,
    attributes: attributes.map((a) => ({
      variable: a.variable,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.datatypeDescription,
      order: a.order,
      description: a.description,
      // Open311 lists carry values; the other datatypes carry none
      ...(a.values.length ? { values: a.values } : {}),
    })),
  };
}
