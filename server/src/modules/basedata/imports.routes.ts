import { baseEntities, idParams, importErrorsQuery, importErrorsResponse, importItem, importListResponse, importPreview, startImportRequest } from '@gongzhi/contracts';
import { requirePermission } from '../../platform/access.js';
import { sendDownload, xlsxType } from '../../platform/downloads.js';
import { AppError, badRequest } from '../../platform/errors.js';
import { clientIp, typed, type App } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/routes.js';
import { importDetail, importErrors, listImports, maxImportBytes, previewUpload, saveUpload, startImport, writeImportReport } from './imports.service.js';

const tags = ['basedata 人房企'];

/** Imports of department files: upload and preview, start (or dry-run), follow, read the row report. */
export function importRoutes(app: App, { db, pii, config }: RouteDeps) {
  const r = typed(app);
  const deps = { dataDir: config.GONGZHI_DATA_DIR, pii, logger: app.log };
  r.post('/basedata/imports/preview', { schema: { tags, summary: '上传并预览 Upload a CSV (UTF-8/GBK) or .xlsx file (multipart: file, entity) and preview it', consumes: ['multipart/form-data'], response: { 201: importPreview } } }, async (req, reply) => {
    const p = requirePermission(req.principal, 'basedata:import');
    if (!req.isMultipart()) throw new AppError('request.unsupported_media', 415);
    let entity: string = 'person';
    let saved: Awaited<ReturnType<typeof saveUpload>> | undefined;
    for await (const part of req.parts({ limits: { fileSize: maxImportBytes, files: 1, fields: 5 } })) {
      if (part.type === 'file') saved = await saveUpload(db, config.GONGZHI_DATA_DIR, p, part.filename, part.file);
      else if (part.fieldname === 'entity') entity = String(part.value);
    }
    if (!saved) throw badRequest('file.missing');
    if (!(baseEntities as readonly string[]).includes(entity)) throw badRequest('request.invalid');
    return reply.status(201).send(await previewUpload(db, saved, entity as 'person'));
  });
  r.post('/basedata/imports', { schema: { tags, summary: '开始导入 Start an import (or a dry run) of an uploaded file; follow it with GET /basedata/imports/:id', body: startImportRequest, response: { 202: importItem } } }, async (req, reply) =>
    reply.status(202).send(await startImport(db, deps, req.principal, req.body, clientIp(req))),
  );
  r.get('/basedata/imports', { schema: { tags, summary: '导入记录 Imports of your jurisdiction', response: { 200: importListResponse } } }, (req) => listImports(db, req.principal));
  r.get('/basedata/imports/:id', { schema: { tags, summary: '导入进度 An import and its progress', params: idParams, response: { 200: importItem } } }, (req) => importDetail(db, req.principal, req.params.id));
  r.get('/basedata/imports/:id/errors', { schema: { tags, summary: '错误明细 The rows that failed, with why', params: idParams, querystring: importErrorsQuery, response: { 200: importErrorsResponse } } }, (req) =>
    importErrors(db, req.principal, req.params.id, req.query.page, req.query.pageSize),
  );
  r.get('/basedata/imports/:id/report', { schema: { tags, summary: '下载错误明细 The failed rows as an Excel workbook to fix and import again', params: idParams } }, (req, reply) =>
    sendDownload(reply, '导入错误明细.xlsx', xlsxType, (out) => writeImportReport(db, req.principal, req.params.id, out)),
  );
}
