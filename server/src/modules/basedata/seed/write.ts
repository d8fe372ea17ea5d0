import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { encryptPii, maskIdNumber, type PiiKeys } from '../../../platform/pii.js';
import { nameGrams } from '../grams.js';
import { phoneColumns } from '../organisations.adapter.js';
import { personKey } from '../people.adapter.js';
import { insertJsonRecords } from '../../../db/bulk-insert.js';
import type { CasePartyPlan } from './links-plan.js';
import type { BaseDataPlan } from './plan.js';
import { keptFieldDefinitions, keptSources } from './record-fields.js';

/** Writes a plan: ids are made here, personal numbers sealed here; the plan itself knows neither. */

/** The departments' deliveries (and the grid workers' collection) that the seeded values come from, and how many days before the seed day each arrived. */
const deliveries: readonly (readonly [source: string, actor: string, daysAgo: number])[] = [
  ['gongan', '张店分局户籍数据交换', 45], ['zhujian', '区住建局房屋数据交换', 60], ['shichang', '区市场监管局登记数据交换', 30],
  ['minzheng', '区民政局数据交换', 35], ['renshe', '区人社局数据交换', 25], ['canlian', '区残联数据交换', 50],
  ['tuijun', '区退役军人事务局数据交换', 40], ['weijian', '区卫健局数据交换', 55], ['sifa', '区司法局数据交换', 20],
  ['wangge', '网格员入户采集', 10],
];
/** The grid workers' later rounds, whose corrections wait in 比对. */
const corrections = ['wangge', '网格员走访核对', 3] as const;

type Ids = { estates: string[]; buildings: string[]; dwellings: string[]; people: string[]; organisations: string[] };
type Writes = Record<string, number>;

/** The write of a source's delivery; every source a plan names must have one. */
function writeOf(writes: Writes, source: string): number {
  const id = writes[source];
  if (id === undefined) throw new Error(`demo base data: no delivery from source ${source}`);
  return id;
}

const dayAt = (asOf: string, daysAgo: number) => new Date(Date.parse(`${asOf}T09:00:00+08:00`) - daysAgo * 86_400_000).toISOString();
const newIds = (n: number) => Array.from({ length: n }, () => crypto.randomUUID());

export async function writePlan(db: Kysely<DB>, pii: PiiKeys, plan: BaseDataPlan, options: { asOf: string; scopeCode: string }): Promise<Ids & { writes: Writes }> {
  const { housing, residents, organisations } = plan;
  const ids: Ids = {
    estates: newIds(housing.estates.length), buildings: newIds(housing.buildings.length), dwellings: newIds(housing.dwellings.length),
    people: newIds(residents.people.length), organisations: newIds(organisations.length),
  };
  const writes = await recordWrites(db, options.asOf);
  await db.insertInto('field_definitions').values(keptFieldDefinitions(options.scopeCode)).onConflict((oc) => oc.columns(['entity', 'scope_code', 'key']).doNothing()).execute();
  await writeHousing(db, plan, ids, writes);
  await writePeople(db, pii, plan, ids, writes);
  await writeOrganisations(db, pii, plan, ids, writes);
  await writeDiscrepancies(db, plan, ids, writes, options.asOf);
  return { ...ids, writes };
}

/** One data_writes row per delivery; `wangge_review` is the grid workers' corrections. */
async function recordWrites(db: Kysely<DB>, asOf: string): Promise<Writes> {
  const all = [...deliveries, corrections];
  const rows = await db.insertInto('data_writes').values(all.map(([source, actor, daysAgo]) => ({ source_code: source, actor_name: actor, at: dayAt(asOf, daysAgo) as never }))).returning('id').execute();
  const writes: Writes = {};
  all.forEach(([source], i) => (writes[i === deliveries.length ? 'wangge_review' : source] = rows[i]!.id));
  return writes;
}

async function writeHousing(db: Kysely<DB>, { housing, residents }: BaseDataPlan, ids: Ids, writes: Writes) {
  await insertJsonRecords(db, 'estates', housing.estates.map((e, i) => ({ id: ids.estates[i], name: e.name, kind: e.kind, community_code: e.communityCode })), {
    fields: { id: 'uuid', name: 'text', kind: 'text', community_code: 'text' },
  });
  const points = await buildingPoints(db, housing.buildings.map((b) => b.gridCode));
  await insertJsonRecords(db, 'buildings', housing.buildings.map((b, i) => ({ id: ids.buildings[i], estate_id: ids.estates[b.estate], code: b.code, name: b.name, grid_code: b.gridCode, floors: b.floors, ...points[i] })), {
    fields: { id: 'uuid', estate_id: 'uuid', code: 'text', name: 'text', grid_code: 'text', floors: 'int', lng: 'float8', lat: 'float8' },
    computed: { location: 'st_setsrid(st_point(t.lng, t.lat), 4326)' },
    recordOnly: ['lng', 'lat'],
  });
  const leased = new Set(residents.leases.map((l) => l.dwelling));
  const base = { '*': writes.zhujian, usage: writes.wangge };
  const withLease = { ...base, lease_start: writes.wangge, lease_end: writes.wangge };
  await insertJsonRecords(db, 'dwellings', housing.dwellings.map((d, i) => ({
    id: ids.dwellings[i], building_id: ids.buildings[d.building], address_code: d.addressCode, unit_no: d.unitNo, room_no: d.roomNo, grid_code: d.gridCode,
    usage: d.usage, area_m2: d.areaM2, provenance: leased.has(i) ? withLease : base,
  })), { fields: { id: 'uuid', building_id: 'uuid', address_code: 'text', unit_no: 'text', room_no: 'text', grid_code: 'text', usage: 'text', area_m2: 'numeric', provenance: 'jsonb' } });
}

/**
 * A random point inside each building's grid (st_generatepoints, which may return fewer points than
 * asked on a thin polygon: the rest go to a point on the surface), in the order of `gridCodes`.
 */
async function buildingPoints(db: Kysely<DB>, gridCodes: readonly string[]): Promise<{ lng: number; lat: number }[]> {
  const wanted = new Map<string, number>();
  for (const g of gridCodes) wanted.set(g, (wanted.get(g) ?? 0) + 1);
  const codes = [...wanted.keys()];
  const { rows } = await sql<{ code: string; lng: number; lat: number; fallback: boolean }>`
    select w.code, st_x(p.geom) as lng, st_y(p.geom) as lat, false as fallback
    from unnest(${codes}::text[], ${codes.map((c) => wanted.get(c)!)}::int[]) as w(code, n)
    join grids g on g.code = w.code
    cross join lateral st_dump(st_generatepoints(g.geom, w.n, 20261124)) p
    union all
    select code, st_x(st_pointonsurface(geom)), st_y(st_pointonsurface(geom)), true from grids where code = any(${codes}::text[])`.execute(db);
  const byGrid = new Map<string, { lng: number; lat: number }[]>();
  for (const r of rows.filter((r) => !r.fallback)) byGrid.set(r.code, [...(byGrid.get(r.code) ?? []), { lng: Number(r.lng), lat: Number(r.lat) }]);
  const surface = new Map(rows.filter((r) => r.fallback).map((r) => [r.code, { lng: Number(r.lng), lat: Number(r.lat) }]));
  return gridCodes.map((g) => byGrid.get(g)?.shift() ?? surface.get(g)!);
}

async function writePeople(db: Kysely<DB>, pii: PiiKeys, { residents }: BaseDataPlan, ids: Ids, writes: Writes) {
  const b64 = (b: Buffer | null) => (b ? b.toString('base64') : null);
  await insertJsonRecords(db, 'people', residents.people.map((p, i) => {
    const phone = phoneColumns(pii, p.phone);
    const provenance: Record<string, number> = { '*': writes.gongan!, grid_code: writes.wangge! };
    if (p.phone) provenance.phone = writes.wangge!;
    if (p.dwelling !== null) provenance.address_code = writes.wangge!;
    for (const [field, source] of Object.entries(keptSources(p.extra))) if (source !== 'gongan') provenance[field] = writeOf(writes, source);
    return {
      id: ids.people[i], id_type: p.idType, id_hash: personKey(pii, p.idType, p.idNumber), id_cipher: b64(encryptPii(pii, p.idNumber)), id_masked: maskIdNumber(p.idNumber),
      name: p.name, name_grams: nameGrams(p.name), gender: p.gender, birth_date: p.birthDate, phone_hash: phone.phone_hash, phone_cipher: b64(phone.phone_cipher), phone_masked: phone.phone_masked,
      person_type: p.personType, grid_code: p.gridCode, dwelling_id: p.dwelling === null ? null : ids.dwellings[p.dwelling], extra: p.extra, provenance,
    };
  }), {
    fields: {
      id: 'uuid', id_type: 'text', id_hash: 'text', id_cipher: 'bytea', id_masked: 'text', name: 'text', name_grams: 'text[]', gender: 'text', birth_date: 'date',
      phone_hash: 'text', phone_cipher: 'bytea', phone_masked: 'text', person_type: 'text', grid_code: 'text', dwelling_id: 'uuid', extra: 'jsonb', provenance: 'jsonb',
    },
  });
  await insertJsonRecords(db, 'residencies', residents.residencies.map((r) => ({ person_id: ids.people[r.person], dwelling_id: ids.dwellings[r.dwelling], relation: r.relation, moved_in: r.movedIn, moved_out: r.movedOut })), {
    fields: { person_id: 'uuid', dwelling_id: 'uuid', relation: 'text', moved_in: 'date', moved_out: 'date' },
    chunk: 2000,
  });
  const tags = residents.people.flatMap((p, i) => p.tags.map((t) => ({ person_id: ids.people[i], tag_code: t.code, since: t.since, write_id: writeOf(writes, t.source) })));
  await insertJsonRecords(db, 'person_tags', tags, { fields: { person_id: 'uuid', tag_code: 'text', since: 'date', write_id: 'int8' }, chunk: 2000 });
  // the landlords exist now: the leases can name them
  const leases = JSON.stringify(residents.leases.map((l) => ({ id: ids.dwellings[l.dwelling], landlord_id: ids.people[l.landlord], lease_start: l.start, lease_end: l.end })));
  await sql`update dwellings d set landlord_id = t.landlord_id, lease_start = t.lease_start, lease_end = t.lease_end
    from json_to_recordset(${leases}::json) as t(id uuid, landlord_id uuid, lease_start date, lease_end date) where d.id = t.id`.execute(db);
}

async function writeOrganisations(db: Kysely<DB>, pii: PiiKeys, { organisations }: BaseDataPlan, ids: Ids, writes: Writes) {
  await insertJsonRecords(db, 'organisations', organisations.map((o, i) => {
    const phone = phoneColumns(pii, o.phone);
    return {
      id: ids.organisations[i], uscc: o.uscc, name: o.name, name_grams: nameGrams(o.name), org_type: o.orgType, industry: o.industry, grid_code: o.gridCode,
      building_id: ids.buildings[o.building], address: o.address, legal_rep: o.legalRep, phone_hash: phone.phone_hash, phone_cipher: phone.phone_cipher?.toString('base64') ?? null,
      phone_masked: phone.phone_masked, head_count: o.headCount,
      provenance: { '*': writeOf(writes, o.source), grid_code: writes.wangge, address: writes.wangge, phone: writes.wangge, head_count: writes.renshe },
    };
  }), {
    fields: {
      id: 'uuid', uscc: 'text', name: 'text', name_grams: 'text[]', org_type: 'text', industry: 'text', grid_code: 'text', building_id: 'uuid', address: 'text', legal_rep: 'text',
      phone_hash: 'text', phone_cipher: 'bytea', phone_masked: 'text', head_count: 'int', provenance: 'jsonb',
    },
  });
}

async function writeDiscrepancies(db: Kysely<DB>, { discrepancies, residents, organisations }: BaseDataPlan, ids: Ids, writes: Writes, asOf: string) {
  if (discrepancies.length === 0) return;
  await db.insertInto('discrepancies').values(discrepancies.map((d) => {
    const person = d.entity === 'person';
    const record = person ? residents.people[d.record]! : organisations[d.record]!;
    return {
      entity: d.entity, record_id: (person ? ids.people : ids.organisations)[d.record]!, grid_code: record.gridCode, field: d.field, current_value: d.current,
      current_write_id: person ? writes.gongan! : writes.shichang!, proposed_value: d.proposed, proposed_write_id: writes.wangge_review!, created_at: dayAt(asOf, 3) as never,
    };
  })).execute();
}

/** 当事人: the planned people of each case. */
export async function writeCaseParties(db: Kysely<DB>, parties: readonly CasePartyPlan[], personIds: readonly string[]) {
  await insertJsonRecords(db, 'case_parties', parties.map((p) => ({ case_id: p.caseId, person_id: personIds[p.person], role: p.role })), {
    fields: { case_id: 'uuid', person_id: 'uuid', role: 'text' },
  });
}
