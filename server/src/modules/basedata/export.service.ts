import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requirePermission, type Principal } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { badRequest } from '../../platform/errors.js';
import { decryptPii, type PiiKeys } from '../../platform/pii.js';
import type { FieldSpec } from './field-model.js';
import { fieldSpecsFor } from './fields.service.js';
import { filteredPeople, type PersonQuery } from './people.service.js';
import { dwellingAddress } from './scope.js';

/** Excel holds 1,048,576 rows a sheet; an export beyond this says so in its last row. */
const maxRows = 1_000_000;
const pageSize = 2000;

/** A value as a person reads it: choices by their label, yes/no in Chinese. */
function shown(spec: FieldSpec | undefined, value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  if (spec?.type === 'boolean') return text === 'true' ? '是' : text === 'false' ? '否' : text;
  if (spec?.type === 'choice') return spec.options?.find((o) => o.value === text)?.label ?? text;
  return text;
}

/**
 * Streams the people a search finds to an Excel workbook: every field of the jurisdiction as a column,
 * identity numbers and phones masked unless the user may see them and asks, with a reason (audited).
 */
export async function exportPeople(
  db: Kysely<DB>, pii: PiiKeys, actor: Principal | null, f: Omit<PersonQuery, 'page' | 'pageSize'> & { full?: boolean; reason?: string | undefined },
  out: Writable, ip: string,
) {
  const p = requirePermission(actor, 'basedata:export');
  if (f.full) {
    requirePermission(p, 'basedata:reveal');
    if (!f.reason || f.reason.trim().length < 2) throw badRequest('request.invalid', {}, [{ path: 'reason', code: 'reason.required', message: '导出完整号码须填写理由 / give a reason to export full numbers' }]);
  }
  await writeAudit(db, { action: f.full ? 'person.export_full' : 'person.export', actor: p, targetType: 'person', ip, detail: { q: f.q ?? null, region: f.region ?? null, type: f.type ?? null, tag: f.tag ?? null, reason: f.reason ?? null } });
  const specs = (await fieldSpecsFor(db, 'person', null)).filter((s) => !['address_code', 'residence', 'moved_in'].includes(s.key));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = book.addWorksheet('人员', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [...specs.map((s) => ({ header: s.label, key: s.key, width: s.key === 'id_number' ? 22 : 14, style: { numFmt: '@' } })), { header: '现住址', key: 'address', width: 30 }, { header: '人群标签', key: 'tags', width: 20 }];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  const tagNames = new Map((await db.selectFrom('tag_types').select(['code', 'name']).execute()).map((t) => [t.code, t.name]));
  let after: [string, string] | null = null;
  let written = 0;
  for (;;) {
    let q = filteredPeople(db, pii, p, f).select(['p.extra', 'p.id_type', 'p.id_cipher', 'p.phone_cipher']);
    if (after) q = q.where((eb) => eb.or([eb('p.grid_code', '>', after![0]), eb.and([eb('p.grid_code', '=', after![0]), eb('p.id', '>', after![1])])]));
    const rows = await q.orderBy('p.grid_code').orderBy('p.id').limit(pageSize).execute();
    for (const r of rows) {
      if (written >= maxRows) break;
      const values: Record<string, unknown> = {
        ...r.extra, id_type: r.id_type, name: r.name, gender: r.gender, birth_date: r.birth_date, person_type: r.person_type, grid_code: r.grid_code,
        id_number: f.full ? decryptPii(pii, r.id_cipher) : r.id_masked,
        phone: f.full && r.phone_cipher ? decryptPii(pii, r.phone_cipher) : r.phone_masked,
      };
      const row: Record<string, string> = Object.fromEntries(specs.map((s) => [s.key, shown(s, values[s.key])]));
      row.address = dwellingAddress(r.estate, r.building, r.unit_no, r.room_no) ?? '';
      row.tags = r.tags.map((t) => tagNames.get(t) ?? t).join('、');
      sheet.addRow(row).commit();
      written++;
    }
    if (rows.length < pageSize || written >= maxRows) break;
    const last = rows.at(-1)!;
    after = [last.grid_code, last.id];
  }
  if (written >= maxRows) sheet.addRow([`仅导出前 ${maxRows.toLocaleString('zh-CN')} 行；请缩小范围分批导出。Only the first ${maxRows} rows were exported.`]).commit();
  sheet.commit();
  await book.commit();
  return written;
}
