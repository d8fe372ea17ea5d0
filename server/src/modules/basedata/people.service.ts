import type { PersonDetail, PersonListItem } from '@gongzhi/contracts';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requirePermission, scopeGridRange, type Principal } from '../../platform/access.js';
import { auditOfTarget, writeAudit } from '../../platform/audit.js';
import { badRequest, notFound } from '../../platform/errors.js';
import { decryptPii, piiHash, type PiiKeys } from '../../platform/pii.js';
import { queryGrams } from './grams.js';
import { normalizePhone, parseIdNumber } from './identity.js';
import { personKey } from './people.adapter.js';
import { provenanceOf } from './provenance.service.js';
import { dwellingAddress, listingRange } from './scope.js';
import { visitsOf } from './visits.service.js';
import { dayText as day, extraValues } from './record-columns.js';

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('people as p')
    .leftJoin('dwellings as d', 'd.id', 'p.dwelling_id')
    .leftJoin('buildings as b', 'b.id', 'd.building_id')
    .leftJoin('estates as e', 'e.id', 'b.estate_id')
    .select([
      'p.id', 'p.name', 'p.gender', day('p.birth_date').as('birth_date'), 'p.id_masked', 'p.phone_masked', 'p.person_type', 'p.grid_code',
      'e.name as estate', 'b.name as building', 'd.unit_no', 'd.room_no',
      sql<string[]>`coalesce((select array_agg(t.tag_code order by t.tag_code) from person_tags t where t.person_id = p.id), '{}')`.as('tags'),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];
const present = (r: Row): PersonListItem => ({
  id: r.id, name: r.name, gender: r.gender, birthDate: r.birth_date, idMasked: r.id_masked, phoneMasked: r.phone_masked,
  personType: r.person_type, gridCode: r.grid_code, address: dwellingAddress(r.estate, r.building, r.unit_no, r.room_no), tags: r.tags,
});

export interface PersonQuery {
  q?: string | undefined;
  region?: string | undefined;
  type?: PersonListItem['personType'] | undefined;
  tag?: string | undefined;
  page: number;
  pageSize: number;
}

/**
 * People inside the principal's jurisdiction. `q` is an ID number (exact, by its keyed hash), a phone
 * (exact) or part of a name (fuzzy, by character pairs); nothing outside the jurisdiction is ever matched.
 */
export async function listPeople(db: Kysely<DB>, pii: PiiKeys, actor: Principal | null, f: PersonQuery) {
  const p = requirePermission(actor, 'basedata:read');
  const rows = await filteredPeople(db, pii, p, f).orderBy('p.grid_code').orderBy('p.id').limit(f.pageSize + 1).offset((f.page - 1) * f.pageSize).execute();
  return { items: rows.slice(0, f.pageSize).map(present), page: f.page, pageSize: f.pageSize, hasMore: rows.length > f.pageSize };
}

/** The people a search means, inside the principal's jurisdiction (for lists and exports). */
export function filteredPeople(db: Kysely<DB>, pii: PiiKeys, p: Principal, f: Omit<PersonQuery, 'page' | 'pageSize'>) {
  const [lo, hi] = listingRange(p, f.region);
  let q = baseQuery(db).where('p.grid_code', '>=', lo).where('p.grid_code', '<=', hi);
  const text = f.q?.trim();
  if (text) {
    const id = parseIdNumber(text);
    const phone = normalizePhone(text);
    if (id.ok) q = q.where('p.id_hash', '=', personKey(pii, 'resident', id.value));
    else if (/^[A-Za-z0-9]{5,20}$/.test(text) && /[A-Za-z]/.test(text)) q = q.where('p.id_hash', 'in', ['passport', 'permit'].map((t) => personKey(pii, t, text.toUpperCase())));
    else if (phone.ok) q = q.where('p.phone_hash', '=', piiHash(pii, phone.value, 'phone'));
    else q = q.where(sql<boolean>`p.name_grams @> ${sql.val(queryGrams(text))}::text[]`);
  }
  if (f.type) q = q.where('p.person_type', '=', f.type);
  if (f.tag) q = q.where((eb) => eb.exists(eb.selectFrom('person_tags as t').select('t.person_id').whereRef('t.person_id', '=', 'p.id').where('t.tag_code', '=', f.tag as string)));
  return q;
}

/** Loads a person inside the jurisdiction, or answers 404 as if there were none. */
export async function personInScope(db: Kysely<DB>, actor: Principal, id: string) {
  const [lo, hi] = scopeGridRange(actor);
  const row = await db.selectFrom('people').selectAll().where('id', '=', id).where('grid_code', '>=', lo).where('grid_code', '<=', hi).executeTakeFirst();
  if (!row) throw notFound('basedata.person_not_found', {});
  return row;
}

export async function personDetail(db: Kysely<DB>, actor: Principal | null, id: string, casesOf: (personId: string) => Promise<PersonDetail['cases']>): Promise<PersonDetail> {
  const p = requirePermission(actor, 'basedata:read');
  const person = await personInScope(db, p, id);
  const row = (await baseQuery(db).where('p.id', '=', id).execute())[0]!;
  const residences = await db
    .selectFrom('residencies as r')
    .innerJoin('dwellings as d', 'd.id', 'r.dwelling_id')
    .innerJoin('buildings as b', 'b.id', 'd.building_id')
    .innerJoin('estates as e', 'e.id', 'b.estate_id')
    .select(['r.dwelling_id', 'r.relation', day('r.moved_in').as('moved_in'), day('r.moved_out').as('moved_out'), 'd.address_code', 'd.unit_no', 'd.room_no', 'b.name as building', 'e.name as estate'])
    .where('r.person_id', '=', id)
    .orderBy('r.moved_in', 'desc')
    .execute();
  const values: Record<string, string | null> = {
    ...extraValues(person.extra),
    id_type: person.id_type, id_number: person.id_masked, name: person.name, gender: person.gender, birth_date: row.birth_date,
    phone: person.phone_masked, person_type: person.person_type, grid_code: person.grid_code,
    address_code: residences.find((r) => r.moved_out === null)?.address_code ?? null,
  };
  return {
    ...present(row),
    idType: person.id_type,
    values,
    provenance: await provenanceOf(db, person.provenance, Object.keys(values)),
    residences: residences.map((r) => ({
      dwellingId: r.dwelling_id, addressCode: r.address_code, address: dwellingAddress(r.estate, r.building, r.unit_no, r.room_no) ?? r.address_code,
      relation: r.relation, movedIn: r.moved_in as string, movedOut: r.moved_out,
    })),
    visits: await visitsOf(db, 'person', id),
    cases: await casesOf(id),
    version: person.version,
  };
}

/** The full ID number or phone of a person, for a stated reason; the look is written to the audit log. */
export async function revealPerson(db: Kysely<DB>, pii: PiiKeys, actor: Principal | null, id: string, field: 'id_number' | 'phone', reason: string, ip: string) {
  const p = requirePermission(actor, 'basedata:reveal');
  const person = await personInScope(db, p, id);
  const cipher = field === 'id_number' ? person.id_cipher : person.phone_cipher;
  await writeAudit(db, { action: 'person.reveal', actor: p, targetType: 'person', targetId: id, ip, detail: { field, reason, by: p.displayName } });
  return { field, value: cipher ? decryptPii(pii, cipher) : null };
}

/** Who looked at a person's full numbers, and why. */
export async function personReveals(db: Kysely<DB>, actor: Principal | null, id: string) {
  const p = requirePermission(actor, 'basedata:read');
  if (!p.permissions.has('basedata:reveal') && !p.permissions.has('audit:read')) requirePermission(p, 'basedata:reveal');
  await personInScope(db, p, id);
  const rows = await auditOfTarget(db, 'person.reveal', 'person', id);
  return {
    items: rows.map((r) => ({ at: r.at.toISOString(), actorName: String(r.detail.by ?? r.actor_name ?? ''), field: String(r.detail.field ?? ''), reason: String(r.detail.reason ?? '') })),
  };
}

export async function setPersonTags(db: Kysely<DB>, actor: Principal | null, id: string, codes: string[], ip: string) {
  const p = requirePermission(actor, 'basedata:write');
  await personInScope(db, p, id);
  const known = codes.length ? await db.selectFrom('tag_types').select('code').where('code', 'in', codes).where('active', '=', true).execute() : [];
  const unknown = codes.filter((c) => !known.some((k) => k.code === c));
  if (unknown.length) throw badRequest('basedata.tag_unknown', { code: unknown.join(', ') });
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('person_tags').where('person_id', '=', id).where('tag_code', 'not in', codes.length ? codes : ['']).execute();
    if (codes.length) await tx.insertInto('person_tags').values(codes.map((c) => ({ person_id: id, tag_code: c }))).onConflict((oc) => oc.doNothing()).execute();
    await writeAudit(tx, { action: 'person.tags', actor: p, targetType: 'person', targetId: id, ip, detail: { codes } });
  });
  return { codes };
}
