import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, localise } from '../../platform/errors.js';
import type { MessageCode } from '../../platform/messages.js';
import { xmlDocument } from './xml.js';

export type Format = 'json' | 'xml';

/** Splits `C0101.json` into the name and the format; anything else than .json/.xml is not an Open311 resource. */
export function splitFormat(file: string): { name: string; format: Format } {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  if (!m) throw new AppError('open311.format', 404, { format: file.split('.').pop() ?? '' });
  return { name: m[1]!, format: m[2] as Format };
}

/** The format a URL asks for; errors follow it, JSON when it names none. */
export const formatOfUrl = (url: string): Format => (/\.xml(\?|$)/.test(url) ? 'xml' : 'json');

export function sendOpen311(reply: FastifyReply, format: Format, root: string, body: unknown, status = 200) {
  if (format === 'xml') return reply.status(status).type('text/xml; charset=utf-8').send(xmlDocument(root, body));
  return reply.status(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

/** Chinese first, then English: partner apps show it to people and log it for developers. */
const bilingual = (code: MessageCode, params: Record<string, unknown>) => `${localise(code, 'zh-CN', params)} ${localise(code, 'en', params)}`;

/**
 * The spec's error status: 404 for unknown things, 401/403 for keys, 400 for everything else; a
 * server failure stays 500 so that nobody mistakes it for their own mistake. The body's code may be
 * more specific than the HTTP status (the spec allows it), so a 409 replay mismatch keeps its 409.
 */
const httpStatus = (status: number) => ([401, 403, 404].includes(status) || status >= 500 ? status : 400);

/** Maps every error of the Open311 routes to the spec's error list, never to problem+json. */
export function sendOpen311Error(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  const format = formatOfUrl(request.url);
  let errors: Array<{ code: number; description: string }>;
  let status: number;
  if (error instanceof AppError) {
    status = httpStatus(error.status);
    errors = error.fieldErrors?.length
      ? error.fieldErrors.map((f) => ({ code: error.status, description: f.message }))
      : [{ code: error.status, description: bilingual(error.code, error.params) }];
  } else if (hasZodFastifySchemaValidationErrors(error)) {
    status = 400;
    errors = error.validation.map((v) => ({ code: 400, description: `${v.instancePath.split('/').filter(Boolean).join('.') || '(query)'}: ${v.message}` }));
  } else {
    const e = error as { code?: string; statusCode?: number };
    if (e.code?.startsWith('FST_ERR_CTP_')) {
      status = 400;
      const code: MessageCode = e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'request.unsupported_media' : e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'request.too_large' : 'request.malformed';
      errors = [{ code: e.statusCode ?? 400, description: bilingual(code, {}) }];
    } else {
      request.log.error({ err: error }, 'unhandled error');
      status = 500;
      errors = [{ code: 500, description: bilingual('internal', { requestId: request.id }) }];
    }
  }
  return sendOpen311(reply, format, 'errors', errors, status);
}
