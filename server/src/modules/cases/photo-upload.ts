import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../../platform/errors.js';
import { maxPhotoBytes } from '../../platform/files.js';

/** The one photo of a multipart request (field "file"), read whole; 415 when not multipart, 413 when too large. */
export async function photoFromRequest(req: FastifyRequest): Promise<{ bytes: Buffer; mimetype: string }> {
  if (!req.isMultipart()) throw new AppError('request.unsupported_media', 415);
  const file = await req.file().catch(() => undefined);
  if (!file) throw badRequest('file.missing');
  const bytes = await file.toBuffer().catch((error: { code?: string }) => {
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('file.too_large', 413, { mb: maxPhotoBytes / 1024 / 1024 });
    throw error;
  });
  return { bytes, mimetype: file.mimetype };
}
