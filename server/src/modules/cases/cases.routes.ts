import { caseActionRequest, caseCreated, caseDetail, caseExportQuery, caseListQuery, caseListResponse, caseMapQuery, reportCaseRequest, similarCasesQuery, similarCasesResponse } from '@gongzhi/contracts';
import { z } from 'zod';
import { requirePermission } from '../../platform/access.js';
import { sendDownload, xlsxType } from '../../platform/downloads.js';
import { clientIp, typed, type App } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/routes.js';
import { shanghaiDay } from '../calendar/index.js';
import { applyAction } from './actions.service.js';
import { checkedReportAnswers } from './category-attributes.service.js';
import { similarOpenCases } from './duplicates.service.js';
import { exportCases } from './export.service.js';
import { reportCase } from './intake.service.js';
import { caseDetail as getCaseDetail, caseMap, caseSummary, listCases } from './queries.service.js';

const tags = ['cases 案件'];
/** A case is addressed by its id or its readable number. */
const params = z.object({ ref: z.string().regex(/^([0-9a-f-]{36}|\d{6}-\d{8}-\d{5})$/i, { message: 'case_number.format' }) });

export function caseRoutes(app: App, { db }: RouteDeps) {
  const r = typed(app);
  r.post(
    '/cases',
    {
      schema: {
        tags,
        summary: '上报案件 Report a problem (受理). Send Idempotency-Key so that a retry makes no second case.',
        headers: z.object({ 'idempotency-key': z.string().optional() }),
        body: reportCaseRequest,
        response: { 200: caseCreated, 201: caseCreated },
      },
    },
    async (req, reply) => {
      const { attributes, ...report } = req.body;
      // who may report is answered before what their answers hold (403 before 400)
      requirePermission(req.principal, 'case:report');
      const answers = await checkedReportAnswers(db, report.categoryCode, attributes);
      const intake = await reportCase(db, req.principal, { ...report, ...(answers ? { attributes: answers } : {}) }, req.headers['idempotency-key']);
      return intake.created ? reply.status(201).send(intake.summary) : reply.status(200).send(await caseSummary(db, req.principal, intake.caseId));
    },
  );
  r.get('/cases', { schema: { tags, summary: '案件查询与待办 Search cases and work inboxes', querystring: caseListQuery, response: { 200: caseListResponse } } }, (req) =>
    listCases(db, req.principal, req.query),
  );
  r.get('/cases/export', { schema: { tags, summary: '导出 Excel Export the cases a search finds (the list\'s filters, newest first; audited)', querystring: caseExportQuery } }, (req, reply) =>
    sendDownload(reply, `案件清单_${shanghaiDay(new Date()).replaceAll('-', '')}.xlsx`, xlsxType, (out) => exportCases(db, req.principal, req.query, out, clientIp(req))),
  );
  r.get('/cases/map', { schema: { tags, summary: '案件图层 Case points (GeoJSON, WGS84)', querystring: caseMapQuery } }, (req) => caseMap(db, req.principal, req.query));
  r.get(
    '/cases/similar',
    { schema: { tags, summary: '疑似重复 Open cases nearby that a report would likely repeat (已有人反映，可关注此事项)', querystring: similarCasesQuery, response: { 200: similarCasesResponse } } },
    (req) => similarOpenCases(db, req.principal, req.query),
  );
  r.get('/cases/:ref', { schema: { tags, summary: '案件详情 Case with its timeline, deadlines and the actions open to me', params, response: { 200: caseDetail } } }, (req) =>
    getCaseDetail(db, req.principal, req.params.ref),
  );
  r.post(
    '/cases/:ref/actions',
    { schema: { tags, summary: '办理 Take a step: register, dispatch, sign, feedback, close, rate …', params, body: caseActionRequest, response: { 200: caseDetail } } },
    async (req) => getCaseDetail(db, req.principal, await applyAction(db, req.principal, req.params.ref, req.body)),
  );
}
