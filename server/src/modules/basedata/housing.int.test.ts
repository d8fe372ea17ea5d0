import { beforeAll, describe, expect, it } from 'vitest';
import { county, gongyuan, loginAs, problemCode, useTestApp, type Client } from '../../test/harness.js';
import { pointIn } from '../cases/test-helpers.js';
import { idNumber, registerPerson, uscc } from './test-helpers.js';

const ctx = useTestApp();
const grid = '370303001001001';
const otherGrid = '370303001001002';
let worker: Client;
let dataAdmin: Client;

beforeAll(async () => {
  worker = await loginAs(ctx, { role: 'grid_worker', scopeCode: grid });
  dataAdmin = await loginAs(ctx, { role: 'data_admin', scopeCode: county });
});

async function building(client: Client, name: string, gridCode = grid) {
  return client.send('POST', '/api/v1/basedata/buildings', { estateName: '新华小区', name, floors: 6, ...(await pointIn(ctx, gridCode)) });
}

describe('housing (以房管人)', () => {
  it('adds a building where the point lies, its dwellings, and tracks who lives where and since when', async () => {
    const statsOfGrid = async () => (await worker.get('/api/v1/basedata/map/grid-stats')).json().items.find((g: { gridCode: string }) => g.gridCode === grid);
    const before = await statsOfGrid();
    const b = await building(worker, '3号楼');
    expect(b.statusCode).toBe(201);
    expect(b.json()).toMatchObject({ gridCode: grid, address: '新华小区 3号楼', dwellings: 0 });
    expect((await building(worker, '3号楼')).statusCode).toBe(409);
    expect(problemCode(await building(worker, '9号楼', otherGrid))).toBe('basedata.point_outside_scope');
    const room301 = await worker.send('POST', `/api/v1/basedata/buildings/${b.json().id}/dwellings`, { unitNo: '2', roomNo: '301', values: { usage: '出租', area_m2: '86.5' } });
    expect(room301.statusCode).toBe(201);
    const room302 = (await worker.send('POST', `/api/v1/basedata/buildings/${b.json().id}/dwellings`, { unitNo: '2', roomNo: '302' })).json();
    const detail = (await worker.get(`/api/v1/basedata/buildings/${b.json().id}`)).json();
    const code301 = detail.units.find((u: { roomNo: string }) => u.roomNo === '301').addressCode;
    expect(code301).toMatch(/^370303001001001-\d{3}-2-301$/);
    expect(detail.units.find((u: { roomNo: string }) => u.roomNo === '301')).toMatchObject({ usage: 'rented', address: '新华小区 3号楼 2单元 301室' });

    const tenant = await registerPerson(worker, { id_number: idNumber('19950505', '2'), name: '马丽', person_type: 'liudong', address_code: code301, residence: 'tenant', moved_in: '2026-03-01' });
    expect(tenant.statusCode).toBe(201);
    const person = (await worker.get(`/api/v1/basedata/people/${tenant.json().id}`)).json();
    expect(person).toMatchObject({ gridCode: grid, address: '新华小区 3号楼 2单元 301室' });
    expect(person.residences).toEqual([expect.objectContaining({ relation: 'tenant', movedIn: '2026-03-01', movedOut: null })]);

    // she moves next door: the old residence closes, the new one opens
    const code302 = (await worker.get(`/api/v1/basedata/dwellings/${room302.id}`)).json().addressCode;
    const moved = await worker.send('PATCH', `/api/v1/basedata/people/${tenant.json().id}`, { version: person.version, values: { address_code: code302, moved_in: '2026-10-01' } });
    expect(moved.json().status).toBe('updated');
    const after = (await worker.get(`/api/v1/basedata/people/${tenant.json().id}`)).json();
    expect(after.residences.map((r: { addressCode: string; movedOut: string | null }) => [r.addressCode, r.movedOut])).toEqual([[code302, null], [code301, '2026-10-01']]);
    const old = (await worker.get(`/api/v1/basedata/dwellings/${room301.json().id}`)).json();
    expect(old.occupants).toEqual([expect.objectContaining({ name: '马丽', movedOut: '2026-10-01' })]);
    expect(old).toMatchObject({ usage: 'rented', areaM2: 86.5 });

    const landlord = (await registerPerson(worker, { id_number: idNumber('19600101'), name: '房东老王', person_type: 'huji', grid_code: grid })).json().id;
    const withLandlord = await worker.send('PUT', `/api/v1/basedata/dwellings/${room301.json().id}/landlord`, { version: old.version, landlordId: landlord });
    expect(withLandlord.json().landlord).toEqual({ id: landlord, name: '房东老王' });
    expect((await worker.send('PUT', `/api/v1/basedata/dwellings/${room301.json().id}/landlord`, { version: old.version, landlordId: null })).statusCode).toBe(409);

    const estates = (await worker.get('/api/v1/basedata/estates')).json().items;
    expect(estates.find((e: { name: string }) => e.name === '新华小区')).toMatchObject({ buildings: 1 });
    const stats = (await worker.get('/api/v1/basedata/map/grid-stats')).json().items;
    expect(stats.map((g: { gridCode: string }) => g.gridCode)).toEqual([grid]);
    expect(stats[0]).toMatchObject({ floating: before.floating + 1, rented: before.rented + 1 });
    const points = (await worker.get('/api/v1/basedata/map/buildings?limit=50000')).json();
    expect(points.features.find((f: { properties: { id: string } }) => f.properties.id === b.json().id).properties).toMatchObject({ name: '3号楼', dwellings: 2, residents: 1 });

    const neighbour = await loginAs(ctx, { role: 'grid_worker', scopeCode: otherGrid });
    expect((await neighbour.get(`/api/v1/basedata/dwellings/${room301.json().id}`)).statusCode).toBe(404);
    expect((await neighbour.get(`/api/v1/basedata/buildings/${b.json().id}`)).statusCode).toBe(404);
    expect((await neighbour.get('/api/v1/basedata/estates')).json().items.some((e: { name: string }) => e.name === '新华小区')).toBe(false);
  });

  it('refuses a person at an address outside the jurisdiction as unknown', async () => {
    const res = await registerPerson(worker, { id_number: idNumber(), name: '某人', person_type: 'huji', address_code: '370303002001001-001-1-101' });
    expect(res.json().errors[0].code).toBe('basedata.value.address_unknown');
  });
});

describe('organisations and discrepancies', () => {
  it('registers an organisation by its credit code, finds it, and keeps market regulation’s name against a grid worker’s', async () => {
    const code = uscc();
    const bad = await dataAdmin.send('POST', '/api/v1/basedata/organisations', { values: { uscc: code.slice(0, 17) + (code[17] === '0' ? '1' : '0'), name: '淄博某某商贸有限公司', org_type: 'enterprise', grid_code: grid, address: '新华路1号' } });
    expect(bad.json().errors[0].code).toBe('basedata.value.uscc_check');
    const created = await dataAdmin.send('POST', '/api/v1/basedata/organisations', { values: { uscc: code, name: '淄博华联商贸有限公司', org_type: '企业', industry: 'F', grid_code: grid, address: '新华路1号', legal_rep: '刘强', head_count: '35' }, source: 'shichang' });
    expect(created.statusCode).toBe(201);
    const orgId = created.json().id;
    for (const q of ['华联', code]) expect((await worker.get(`/api/v1/basedata/organisations?q=${encodeURIComponent(q)}`)).json().items.map((o: { id: string }) => o.id)).toContain(orgId);
    const fromGrid = await worker.send('POST', '/api/v1/basedata/organisations', { values: { uscc: code, name: '华联超市', org_type: 'enterprise', grid_code: grid, address: '新华路1号', head_count: '40' } });
    expect(fromGrid.json()).toMatchObject({ id: orgId, status: 'updated', discrepancies: 1 });
    const org = (await worker.get(`/api/v1/basedata/organisations/${orgId}`)).json();
    expect(org).toMatchObject({ name: '淄博华联商贸有限公司', headCount: 40 });

    expect((await worker.get('/api/v1/basedata/discrepancies')).statusCode).toBe(403);
    const otherAdmin = await loginAs(ctx, { role: 'data_admin', scopeCode: gongyuan });
    expect((await otherAdmin.get('/api/v1/basedata/discrepancies')).json().items.some((d: { recordId: string }) => d.recordId === orgId)).toBe(false);
    const open = (await dataAdmin.get('/api/v1/basedata/discrepancies')).json().items.find((d: { recordId: string }) => d.recordId === orgId);
    expect(open).toMatchObject({ field: 'name', fieldLabel: '单位名称', currentValue: '淄博华联商贸有限公司', currentSource: 'shichang', proposedValue: '华联超市', proposedSource: 'wangge', recordName: '淄博华联商贸有限公司' });
    expect((await otherAdmin.send('POST', `/api/v1/basedata/discrepancies/${open.id}/resolve`, { decision: 'accept' })).statusCode).toBe(404);
    expect((await dataAdmin.send('POST', `/api/v1/basedata/discrepancies/${open.id}/resolve`, { decision: 'accept' })).statusCode).toBe(200);
    const accepted = (await worker.get(`/api/v1/basedata/organisations/${orgId}`)).json();
    expect(accepted.name).toBe('华联超市');
    expect(accepted.provenance.name.source).toBe('manual');
    expect((await dataAdmin.send('POST', `/api/v1/basedata/discrepancies/${open.id}/resolve`, { decision: 'keep' })).statusCode).toBe(404);
  });
});
