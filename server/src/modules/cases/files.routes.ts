import multipart from '@fastify/multipart';
import { photoUploadResponse } from '@gongzhi/contracts';
import { z } from 'zod';
import { mayReadCase, requireAnyPermission, requirePermission } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { fileById, fileStoreFrom, maxPhotoBytes, savePhoto } from '../../platform/files.js';
import { typed, type App } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/routes.js';
import { caseFacts, caseUnits, loadCase } from './case-record.js';
import { photoFromRequest } from './photo-upload.js';

const tags = ['cases 案件'];

/** Photos: uploaded before the report or feedback that attaches them; served to whoever may see the case. */
export async function photoRoutes(app: App, { db, config }: RouteDeps) {
  const store = fileStoreFrom(config);
  await app.register(multipart, { limits: { fileSize: maxPhotoBytes, files: 1, fields: 0 } });
  const r = typed(app);
  r.post('/files', { schema: { tags, summary: '上传照片 Upload a photo (multipart field "file"; JPEG, PNG or WebP up to 10 MB)', consumes: ['multipart/form-data'], response: { 201: photoUploadResponse } } }, async (req, reply) => {
    const p = requireAnyPermission(req.principal, ['case:report', 'case:handle', 'case:verify']);
    const { bytes, mimetype } = await photoFromRequest(req);
    return reply.status(201).send(await savePhoto(db, store, p.id, bytes, mimetype));
  });
  r.get('/files/:id', { schema: { tags, summary: '查看照片 A photo of a case I may see', params: z.object({ id: z.string().uuid() }) } }, async (req, reply) => {
    const p = requirePermission(req.principal, 'region:read');
    const file = await fileById(db, req.params.id);
    if (!file) throw notFound('file.not_found', {});
    if (file.owner_id !== p.id) {
      const link = await db.selectFrom('case_files').select('case_id').where('file_id', '=', file.id).executeTakeFirst();
      const c = link ? await loadCase(db, link.case_id) : null;
      if (!c || !mayReadCase(p, caseFacts(c, await caseUnits(db, c.id)))) throw notFound('file.not_found', {});
    }
    const bytes = await store.get(file.storage_key);
    if (!bytes) throw notFound('file.not_found', {});
    return reply.type(file.content_type).header('cache-control', 'private, max-age=86400').header('x-content-type-options', 'nosniff').send(bytes);
  });
}
