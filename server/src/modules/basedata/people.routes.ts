import {
  createVisitRequest, exportQuery, idParams, personDetail, personListQuery, personListResponse, revealLogResponse, revealRequest, revealResponse,
  setPersonTagsRequest, updateRecordRequest, visitResponse, writeOutcome, writeRecordRequest,
} from '@gongzhi/contracts';
import { z } from 'zod';
import { requirePermission } from '../../platform/access.js';
import { sendDownload, xlsxType } from '../../platform/downloads.js';
import { clientIp, typed, type App } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/routes.js';
import { casesOfPerson, linkCaseParty } from '../cases/index.js';
import { exportPeople } from './export.service.js';
import { peopleAdapter } from './people.adapter.js';
import { listPeople, personDetail as loadPersonDetail, personInScope, personReveals, revealPerson, setPersonTags } from './people.service.js';
import { saveRecord } from './records.service.js';
import { recordVisit } from './visits.service.js';

const tags = ['basedata 人房企'];

export function peopleRoutes(app: App, { db, pii }: RouteDeps) {
  const r = typed(app);
  r.get('/basedata/people', { schema: { tags, summary: '人员查询 People in your jurisdiction (masked); q = name, ID number or phone', querystring: personListQuery, response: { 200: personListResponse } } }, (req) =>
    listPeople(db, pii, req.principal, req.query),
  );
  r.post('/basedata/people', { schema: { tags, summary: '登记人员 Register a person (matched on the ID number: an existing record is merged by source precedence)', body: writeRecordRequest, response: { 201: writeOutcome, 200: writeOutcome } } }, async (req, reply) => {
    const p = requirePermission(req.principal, 'basedata:write');
    const out = await saveRecord(db, pii, p, { adapter: peopleAdapter, values: req.body.values, source: req.body.source, gridCode: null, lang: req.lang, ip: clientIp(req) });
    return reply.status(out.status === 'inserted' ? 201 : 200).send({ id: out.id as string, status: out.status as 'inserted', discrepancies: out.discrepancies });
  });
  r.get('/basedata/people/:id', { schema: { tags, summary: '人员详情 A person: values with their sources, residences, visits, cases', params: idParams, response: { 200: personDetail } } }, (req) =>
    loadPersonDetail(db, req.principal, req.params.id, (id) => casesOfPerson(db, req.principal!, id)),
  );
  r.patch('/basedata/people/:id', { schema: { tags, summary: '修改人员信息 Update a person', params: idParams, body: updateRecordRequest, response: { 200: writeOutcome } } }, async (req) => {
    const p = requirePermission(req.principal, 'basedata:write');
    const person = await personInScope(db, p, req.params.id);
    const out = await saveRecord(db, pii, p, {
      adapter: peopleAdapter, values: req.body.values, source: req.body.source, recordId: person.id, version: req.body.version, gridCode: person.grid_code, lang: req.lang, ip: clientIp(req),
    });
    return { id: person.id, status: out.status as 'updated', discrepancies: out.discrepancies };
  });
  r.post('/basedata/people/:id/reveal', { schema: { tags, summary: '查看完整号码 See the full ID number or phone (needs a reason; audited)', params: idParams, body: revealRequest, response: { 200: revealResponse } } }, (req) =>
    revealPerson(db, pii, req.principal, req.params.id, req.body.field, req.body.reason, clientIp(req)),
  );
  r.get('/basedata/people/:id/reveals', { schema: { tags, summary: '查看记录 Who saw this person’s full numbers, and why', params: idParams, response: { 200: revealLogResponse } } }, (req) =>
    personReveals(db, req.principal, req.params.id),
  );
  r.put('/basedata/people/:id/tags', { schema: { tags, summary: '设置人群标签 Set the group tags of a person', params: idParams, body: setPersonTagsRequest, response: { 200: setPersonTagsRequest } } }, (req) =>
    setPersonTags(db, req.principal, req.params.id, req.body.codes, clientIp(req)),
  );
  r.post('/basedata/people/:id/cases', { schema: { tags, summary: '关联案件 Record that a case concerns this person (当事人)', params: idParams, body: z.object({ caseRef: z.string().min(1).max(40) }) } }, async (req, reply) => {
    const p = requirePermission(req.principal, 'basedata:write');
    await personInScope(db, p, req.params.id);
    return reply.status(201).send(await linkCaseParty(db, p, req.body.caseRef, req.params.id, clientIp(req)));
  });
  r.get('/basedata/export', { schema: { tags, summary: '导出 Excel Export the people a search finds (masked; full numbers with basedata:reveal and a reason, audited)', querystring: exportQuery } }, (req, reply) =>
    sendDownload(reply, `人员信息_${new Date().toISOString().slice(0, 10).replaceAll('-', '')}.xlsx`, xlsxType, (out) => exportPeople(db, pii, req.principal, req.query, out, clientIp(req))),
  );
  r.post('/basedata/visits', { schema: { tags, summary: '走访登记 Record a visit (idempotent on the id made by the phone)', body: createVisitRequest, response: { 201: visitResponse, 200: visitResponse } } }, async (req, reply) => {
    const visit = await recordVisit(db, req.principal, req.body);
    return reply.status(visit.created ? 201 : 200).send(visit);
  });
}
