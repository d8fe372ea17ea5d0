import {
  buildingDetail as buildingDetailSchema, buildingItem, buildingListQuery, buildingListResponse, createBuildingRequest, createDwellingRequest, dwellingDetail as dwellingDetailSchema,
  estateListQuery, estateListResponse, idParams, orgDetail, orgListQuery, orgListResponse, setLandlordRequest, updateRecordRequest, writeOutcome, writeRecordRequest,
} from '@gongzhi/contracts';
import { requirePermission } from '../../platform/access.js';
import { clientIp, typed, type App } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/routes.js';
import { dwellingsAdapter } from './dwellings.adapter.js';
import { buildingDetail, createBuilding, createDwelling, dwellingDetail, dwellingInScope, listBuildings, listEstates, setLandlord } from './housing.service.js';
import { organisationsAdapter } from './organisations.adapter.js';
import { listOrganisations, organisationDetail, organisationInScope } from './organisations.service.js';
import { saveRecord } from './records.service.js';

const tags = ['basedata 人房企'];

/** 房 and 企: standard addresses (estates, buildings, dwellings) and organisations. */
export function housingRoutes(app: App, { db, pii }: RouteDeps) {
  const r = typed(app);
  r.get('/basedata/estates', { schema: { tags, summary: '小区/街路巷 Estates, roads and villages with buildings in your jurisdiction', querystring: estateListQuery, response: { 200: estateListResponse } } }, (req) =>
    listEstates(db, req.principal, req.query),
  );
  r.get('/basedata/buildings', { schema: { tags, summary: '楼栋 Buildings', querystring: buildingListQuery, response: { 200: buildingListResponse } } }, (req) => listBuildings(db, req.principal, req.query));
  r.post('/basedata/buildings', { schema: { tags, summary: '新增楼栋 Add a building at a point on the map (its grid is where the point falls)', body: createBuildingRequest, response: { 201: buildingItem } } }, async (req, reply) =>
    reply.status(201).send(await createBuilding(db, req.principal, req.body, clientIp(req))),
  );
  r.get('/basedata/buildings/:id', { schema: { tags, summary: '楼栋详情 A building and its dwellings', params: idParams, response: { 200: buildingDetailSchema } } }, (req) => buildingDetail(db, req.principal, req.params.id));
  r.post('/basedata/buildings/:id/dwellings', { schema: { tags, summary: '新增房屋 Add a dwelling (户) to a building', params: idParams, body: createDwellingRequest, response: { 201: writeOutcome } } }, async (req, reply) => {
    const p = requirePermission(req.principal, 'basedata:write');
    const created = await createDwelling(db, p, req.params.id, req.body, clientIp(req));
    const values = { ...req.body.values, address_code: created.addressCode };
    const out = Object.keys(req.body.values).length
      ? await saveRecord(db, pii, p, { adapter: dwellingsAdapter, values, source: undefined, recordId: created.id, gridCode: null, lang: req.lang, ip: clientIp(req) })
      : { discrepancies: 0 };
    return reply.status(201).send({ id: created.id, status: 'inserted' as const, discrepancies: out.discrepancies });
  });
  r.get('/basedata/dwellings/:id', { schema: { tags, summary: '房屋详情 A dwelling: who lives there now and before, landlord, lease', params: idParams, response: { 200: dwellingDetailSchema } } }, (req) =>
    dwellingDetail(db, req.principal, req.params.id),
  );
  r.patch('/basedata/dwellings/:id', { schema: { tags, summary: '修改房屋信息 Update a dwelling (use, area, lease, extra fields)', params: idParams, body: updateRecordRequest, response: { 200: writeOutcome } } }, async (req) => {
    const p = requirePermission(req.principal, 'basedata:write');
    const d = await dwellingInScope(db, p, req.params.id);
    const out = await saveRecord(db, pii, p, {
      adapter: dwellingsAdapter, values: req.body.values, source: req.body.source, recordId: d.id, version: req.body.version, gridCode: d.grid_code, lang: req.lang, ip: clientIp(req),
    });
    return { id: d.id, status: out.status as 'updated', discrepancies: out.discrepancies };
  });
  r.put('/basedata/dwellings/:id/landlord', { schema: { tags, summary: '设置房东 Name the landlord of a dwelling', params: idParams, body: setLandlordRequest, response: { 200: dwellingDetailSchema } } }, (req) =>
    setLandlord(db, req.principal, req.params.id, req.body, clientIp(req)),
  );

  r.get('/basedata/organisations', { schema: { tags, summary: '单位查询 Organisations; q = name, credit code or phone', querystring: orgListQuery, response: { 200: orgListResponse } } }, (req) =>
    listOrganisations(db, pii, req.principal, req.query),
  );
  r.post('/basedata/organisations', { schema: { tags, summary: '登记单位 Register an organisation (matched on its credit code)', body: writeRecordRequest, response: { 201: writeOutcome, 200: writeOutcome } } }, async (req, reply) => {
    const p = requirePermission(req.principal, 'basedata:write');
    const out = await saveRecord(db, pii, p, { adapter: organisationsAdapter, values: req.body.values, source: req.body.source, gridCode: null, lang: req.lang, ip: clientIp(req) });
    return reply.status(out.status === 'inserted' ? 201 : 200).send({ id: out.id as string, status: out.status as 'inserted', discrepancies: out.discrepancies });
  });
  r.get('/basedata/organisations/:id', { schema: { tags, summary: '单位详情 An organisation', params: idParams, response: { 200: orgDetail } } }, (req) => organisationDetail(db, req.principal, req.params.id));
  r.patch('/basedata/organisations/:id', { schema: { tags, summary: '修改单位信息 Update an organisation', params: idParams, body: updateRecordRequest, response: { 200: writeOutcome } } }, async (req) => {
    const p = requirePermission(req.principal, 'basedata:write');
    const o = await organisationInScope(db, p, req.params.id);
    const out = await saveRecord(db, pii, p, {
      adapter: organisationsAdapter, values: req.body.values, source: req.body.source, recordId: o.id, version: req.body.version, gridCode: o.grid_code, lang: req.lang, ip: clientIp(req),
    });
    return { id: o.id, status: out.status as 'updated', discrepancies: out.discrepancies };
  });
}
