import {
  followRequest, followResponse, publicCategoriesResponse, publicLookupQuery, publicLookupResponse, publicMapQuery, publicMapResponse,
  publicReportRequest, publicReportResponse, photoUploadResponse,
} from '@gongzhi/contracts';
import { z } from 'zod';
import { fileStoreFrom } from '../../platform/files.js';
import { clientIp, typed, type App } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/routes.js';
import { cachedCategories } from './categories.service.js';
import { followCase, unfollowCase } from './follow.service.js';
import { photoFromRequest } from './photo-upload.js';
import { publicCaseMap, publicOutline } from './public-map.service.js';
import { lookupReport, reportAnonymously, uploadAnonymousPhoto } from './public-reports.service.js';

const tags = ['citizen 居民'];
const params = z.object({ ref: z.string().regex(/^([0-9a-f-]{36}|\d{6}-\d{8}-\d{5})$/i, { message: 'case_number.format' }) });
const keyHeader = z.object({ 'idempotency-key': z.string().optional() });

/**
 * The citizen channel: anonymous reports and their look-up, the public map (no sign-in), and following
 * a case (signed-in citizens). Registered after photoRoutes, whose multipart parser the photo upload uses.
 */
export function citizenRoutes(app: App, { db, config, pii }: RouteDeps) {
  const r = typed(app);
  const store = fileStoreFrom(config);
  const open = { public: true };
  r.get('/public/categories', { config: open, schema: { tags, summary: '可反映的问题类别 Categories an anonymous report may name', response: { 200: publicCategoriesResponse } } }, async () => {
    const all = await cachedCategories(db);
    const items = [...all.values()]
      .filter((c) => c.active && c.parent_code !== null && all.get(c.parent_code)?.active)
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((c) => ({ code: c.code, name: c.name, nameEn: c.name_en, parentName: all.get(c.parent_code!)!.name, parentNameEn: all.get(c.parent_code!)!.name_en }));
    return { items };
  });
  r.post(
    '/public/reports',
    {
      config: open,
      schema: {
        tags,
        summary: '匿名反映 Report without signing in (Idempotency-Key required; 5 an hour and 20 a day per address). Answers the number and a follow-up code.',
        headers: keyHeader,
        body: publicReportRequest,
        response: { 200: publicReportResponse, 201: publicReportResponse },
      },
    },
    async (req, reply) => {
      const { created, answer } = await reportAnonymously(db, pii, clientIp(req), req.headers['idempotency-key'], req.body);
      return reply.status(created ? 201 : 200).header('cache-control', 'no-store').send(answer);
    },
  );
  r.post(
    '/public/photos',
    { config: open, schema: { tags, summary: '匿名反映的照片 A photo for an anonymous report (send the report\'s Idempotency-Key)', headers: keyHeader, consumes: ['multipart/form-data'], response: { 201: photoUploadResponse } } },
    async (req, reply) => {
      const { bytes, mimetype } = await photoFromRequest(req);
      return reply.status(201).send(await uploadAnonymousPhoto(db, pii, store, clientIp(req), req.headers['idempotency-key'], bytes, mimetype));
    },
  );
  r.post(
    '/public/reports/lookup',
    { config: open, schema: { tags, summary: '查询反映进度 Status and steps of an anonymous report, by its number and follow-up code', body: publicLookupQuery, response: { 200: publicLookupResponse } } },
    async (req, reply) => reply.header('cache-control', 'no-store').send(await lookupReport(db, pii, clientIp(req), req.body.number, req.body.code)),
  );
  r.get(
    '/public/cases/map',
    { config: open, schema: { tags, summary: '身边的反映 Recent reports in a box (GeoJSON; sensitive categories blurred to a ~500 m cell)', querystring: publicMapQuery, response: { 200: publicMapResponse } } },
    async (req, reply) => reply.header('cache-control', 'public, max-age=60').send(await publicCaseMap(db, req.query.bbox)),
  );
  r.get('/public/outline', { config: open, schema: { tags, summary: '区划轮廓 The district and its streets (GeoJSON), for the public maps' } }, async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=3600').send(await publicOutline(db)),
  );
  r.post(
    '/cases/:ref/follow',
    { schema: { tags, summary: '关注此事项 Follow an open case nearby instead of reporting it again (citizens)', params, body: followRequest, response: { 200: followResponse } } },
    (req) => followCase(db, req.principal, req.params.ref, req.body),
  );
  r.delete(
    '/cases/:ref/follow',
    { schema: { tags, summary: '取消关注 Stop following a case', params, response: { 200: followResponse } } },
    (req) => unfollowCase(db, req.principal, req.params.ref),
  );
}
