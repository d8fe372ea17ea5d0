import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { decryptPii, maskIdNumber, piiKeysFrom } from '../../platform/pii.js';
import { testPiiKey } from '../../test/global-setup.js';
import { county, loginAs, useTestApp, type Client } from '../../test/harness.js';
import { parseIdNumber, parseUscc } from './identity.js';
import { personKey } from './people.adapter.js';

/** The demo seed's base data, as the template every test file copies holds it. */
const ctx = useTestApp();
const demoGrid = '370303001001001';
let worker: Client;
let dataAdmin: Client;

const one = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(ctx.database.db)).rows[0]!;

beforeAll(async () => {
  worker = await loginAs(ctx, { role: 'grid_worker', scopeCode: demoGrid });
  dataAdmin = await loginAs(ctx, { role: 'data_admin', scopeCode: county });
});

describe('the seeded base data', () => {
  it('holds about 2% of the district: people, homes and organisations in every street', async () => {
    const n = await one(sql<{ people: number; dwellings: number; buildings: number; organisations: number; streets: number; parties: number; open: number }>`
      select (select count(*) from people)::int as people, (select count(*) from dwellings)::int as dwellings, (select count(*) from buildings)::int as buildings,
             (select count(*) from organisations)::int as organisations, (select count(distinct substr(grid_code, 1, 9)) from people)::int as streets,
             (select count(*) from case_parties)::int as parties, (select count(*) from discrepancies where status = 'open')::int as open`);
    expect(n.people).toBeGreaterThan(15_000);
    expect(n.people).toBeLessThan(30_000);
    expect(n.dwellings).toBeGreaterThan(6_000);
    expect(n.buildings).toBeGreaterThan(500);
    expect(n.organisations).toBeGreaterThan(300);
    expect(n.streets).toBe(13);
    expect(n.parties).toBeGreaterThanOrEqual(40);
    expect(n.open).toBeGreaterThanOrEqual(20);
  });

  it('files every record in a grid that exists, and every building inside its grid', async () => {
    const orphans = await one(sql<{ people: number; organisations: number; buildings: number; outside: number }>`
      select (select count(*) from people p where not exists (select 1 from grids g where g.code = p.grid_code))::int as people,
             (select count(*) from organisations o where not exists (select 1 from grids g where g.code = o.grid_code))::int as organisations,
             (select count(*) from buildings b where not exists (select 1 from grids g where g.code = b.grid_code))::int as buildings,
             (select count(*) from buildings b join grids g on g.code = b.grid_code where not st_covers(g.geom, b.location))::int as outside`);
    expect(orphans).toEqual({ people: 0, organisations: 0, buildings: 0, outside: 0 });
    const provenance = await one(sql<{ bad: number }>`
      select ((select count(*) from people where jsonb_typeof(provenance) <> 'object' or jsonb_typeof(extra) <> 'object')
            + (select count(*) from dwellings where jsonb_typeof(provenance) <> 'object')
            + (select count(*) from organisations where jsonb_typeof(provenance) <> 'object'))::int as bad`);
    expect(provenance.bad).toBe(0);
  });

  it('gives everyone living in a seeded dwelling one open residence there, and rented dwellings tenants, mostly migrants', async () => {
    const r = await one(sql<{ without: number; elsewhere: number; rented: number; untenanted: number; tenants: number; floating: number }>`
      select (select count(*) from people p where p.dwelling_id is not null
                and (select count(*) from residencies r where r.person_id = p.id and r.moved_out is null) <> 1)::int as without,
             (select count(*) from people p join residencies r on r.person_id = p.id and r.moved_out is null where r.dwelling_id <> p.dwelling_id)::int as elsewhere,
             (select count(*) from dwellings where usage = 'rented')::int as rented,
             (select count(*) from dwellings d where d.usage = 'rented' and not exists (
                select 1 from residencies r where r.dwelling_id = d.id and r.relation = 'tenant' and r.moved_out is null))::int as untenanted,
             (select count(*) from residencies r join dwellings d on d.id = r.dwelling_id where d.usage = 'rented' and r.relation = 'tenant' and r.moved_out is null)::int as tenants,
             (select count(*) from residencies r join people p on p.id = r.person_id join dwellings d on d.id = r.dwelling_id
                where d.usage = 'rented' and r.relation = 'tenant' and r.moved_out is null and p.person_type = 'liudong')::int as floating`);
    expect(r.without).toBe(0);
    expect(r.elsewhere).toBe(0);
    expect(r.rented).toBeGreaterThan(500);
    expect(r.untenanted).toBe(0);
    expect(r.floating / r.tenants).toBeGreaterThan(0.7);
    const landlords = await one(sql<{ missing: number }>`select count(*)::int as missing from dwellings where usage = 'rented' and (landlord_id is null or lease_end is null)`);
    expect(landlords.missing).toBe(0);
  });

  it('seals ID numbers with the app’s key: they decrypt, match their hash and mask, and pass their check digit', async () => {
    const pii = piiKeysFrom(testPiiKey);
    const rows = await ctx.database.db.selectFrom('people').select(['id_type', 'id_hash', 'id_cipher', 'id_masked', 'phone_cipher', 'phone_masked'])
      .where(sql<boolean>`id_type <> 'resident' or random() < 0.02`).execute();
    expect(rows.some((r) => r.id_type === 'passport')).toBe(true);
    for (const r of rows) {
      const id = decryptPii(pii, r.id_cipher);
      expect(personKey(pii, r.id_type, id)).toBe(r.id_hash);
      expect(r.id_masked).toBe(maskIdNumber(id));
      if (r.id_type === 'resident') expect(parseIdNumber(id).ok, id).toBe(true);
      if (r.phone_cipher) expect(decryptPii(pii, r.phone_cipher)).toMatch(/^1\d{10}$/);
    }
    const codes = await ctx.database.db.selectFrom('organisations').select('uscc').execute();
    expect(codes.every((o) => parseUscc(o.uscc!).ok)).toBe(true);
  });
});

describe('the demo grid worker’s grid', () => {
  it('lists its people, floating population and tagged groups, all of the grid', async () => {
    const all = (await worker.get('/api/v1/basedata/people?pageSize=100')).json();
    expect(all.items).toHaveLength(100);
    expect(all.hasMore).toBe(true);
    expect(all.items.every((p: { gridCode: string }) => p.gridCode === demoGrid)).toBe(true);
    expect(all.items.some((p: { address: string | null }) => p.address !== null)).toBe(true);
    const floating = (await worker.get('/api/v1/basedata/people?type=liudong')).json().items;
    expect(floating.length).toBeGreaterThan(5);
    const elderly = (await worker.get('/api/v1/basedata/people?tag=elderly_alone')).json().items;
    expect(elderly.length).toBeGreaterThan(0);
  });

  it('counts residents, floating people and rented homes on the map, for this grid only', async () => {
    const stats = (await worker.get('/api/v1/basedata/map/grid-stats')).json().items;
    expect(stats).toHaveLength(1);
    expect(stats[0].gridCode).toBe(demoGrid);
    expect(stats[0].residents).toBeGreaterThan(300);
    expect(stats[0].floating).toBeGreaterThan(10);
    expect(stats[0].rented).toBeGreaterThan(10);
    const organisations = (await worker.get('/api/v1/basedata/organisations')).json().items;
    expect(organisations.length).toBeGreaterThanOrEqual(3);
  });

  it('shows who rents a flat, from whom, since when (以房管人)', async () => {
    const flat = await one(sql<{ id: string }>`select id from dwellings where grid_code = ${demoGrid} and usage = 'rented' order by address_code limit 1`);
    const detail = (await worker.get(`/api/v1/basedata/dwellings/${flat.id}`)).json();
    expect(detail.usage).toBe('rented');
    expect(detail.landlord).toEqual({ id: expect.any(String), name: expect.any(String) });
    expect(detail.occupants.some((o: { personId: string }) => o.personId === detail.landlord.id)).toBe(false);
    expect(detail.leaseEnd > detail.leaseStart).toBe(true);
    expect(detail.occupants.length).toBeGreaterThan(0);
    expect(detail.occupants.every((o: { relation: string; movedOut: string | null }) => o.relation === 'tenant' && o.movedOut === null)).toBe(true);
    expect(detail.provenance.usage.source).toBe('wangge');
  });

  it('shows a person’s sources, residence history and cases', async () => {
    const party = await one(sql<{ id: string }>`
      select p.id from people p join case_parties cp on cp.person_id = p.id where p.grid_code = ${demoGrid} order by p.id limit 1`);
    const person = (await worker.get(`/api/v1/basedata/people/${party.id}`)).json();
    expect(person.cases.length).toBeGreaterThan(0);
    expect(person.provenance.name.source).toBe('gongan');
    expect(person.provenance.address_code.source).toBe('wangge');
    expect(person.residences[0]).toMatchObject({ movedOut: null });
    expect(person.values.ethnicity).toMatch(/^\d{2}$/);
    const moved = await one(sql<{ id: string }>`
      select r.person_id as id from residencies r join people p on p.id = r.person_id where r.moved_out is not null and p.grid_code like '370303001001%' limit 1`);
    const mover = (await dataAdmin.get(`/api/v1/basedata/people/${moved.id}`)).json();
    expect(mover.residences.map((r: { movedOut: string | null }) => r.movedOut === null)).toEqual([true, false]);
  });

  it('gives the data administrator discrepancies to review, and finds a foreigner by passport', async () => {
    const open = (await dataAdmin.get('/api/v1/basedata/discrepancies?pageSize=100')).json();
    expect(open.total).toBeGreaterThanOrEqual(20);
    expect(open.items.some((d: { field: string; currentSource: string; proposedSource: string }) => d.field === 'name' && d.currentSource === 'gongan' && d.proposedSource === 'wangge')).toBe(true);
    const pii = piiKeysFrom(testPiiKey);
    const foreigner = await ctx.database.db.selectFrom('people').select(['id', 'id_cipher']).where('id_type', '=', 'passport').limit(1).executeTakeFirstOrThrow();
    const found = (await dataAdmin.get(`/api/v1/basedata/people?q=${decryptPii(pii, foreigner.id_cipher)}`)).json().items;
    expect(found.map((p: { id: string }) => p.id)).toEqual([foreigner.id]);
  });
});
