import { createReportRequest, reportItem, reportList, reportListQuery } from '@gongzhi/contracts';
import { z } from 'zod';
import { sendDownload, xlsxType } from '../../platform/downloads.js';
import { clientIp, typed, type App } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/routes.js';
import { createReport, listReports, reportFile } from './reports.service.js';

const tags = ['reports 统计报表'];

export function reportRoutes(app: App, { db }: RouteDeps) {
  const r = typed(app);
  r.post(
    '/reports',
    { schema: { tags, summary: '生成报表 Generate a weekly, monthly or custom report of a region as an Excel workbook (answers when done)', body: createReportRequest, response: { 201: reportItem } } },
    async (req, reply) => reply.status(201).send(await createReport(db, req.principal, req.body, clientIp(req))),
  );
  r.get('/reports', { schema: { tags, summary: '报表列表 Reports of a region and the regions inside it, newest first', querystring: reportListQuery, response: { 200: reportList } } }, (req) =>
    listReports(db, req.principal, req.query),
  );
  r.get(
    '/reports/:id/download',
    { schema: { tags, summary: '下载报表 The report’s .xlsx workbook', params: z.object({ id: z.string().uuid() }) } },
    async (req, reply) => {
      const { fileName, bytes } = await reportFile(db, req.principal, req.params.id);
      return sendDownload(reply, fileName, xlsxType, async (out) => out.end(bytes));
    },
  );
}
