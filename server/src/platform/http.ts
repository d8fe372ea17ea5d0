import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as locales from 'zod/v4/locales';
import { EmbeddedQueryFailed } from '../db/pglite-dialect.js';
import type { Principal } from './access.js';
import { AppError, localise, type FieldError } from './errors.js';
import { pickLang, type Lang } from './i18n.js';
import { fieldMessages, type MessageCode } from './messages.js';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    principal: Principal | null;
  }
}

export type App = FastifyInstance;
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

const zhLocale = locales.zhCN();
const enLocale = locales.en();

export function registerLanguage(app: FastifyInstance) {
  app.decorateRequest('lang', 'zh-CN');
  app.addHook('onRequest', async (request) => {
    const query = request.query as Record<string, string | undefined> | undefined;
    request.lang = pickLang(request.headers['accept-language'], query?.lang);
  });
}

/** Maps every error to application/problem+json with a stable code; never a stack trace. */
export function registerProblemHandler(app: FastifyInstance) {
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, new AppError('route.not_found', 404)));
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof AppError) return sendProblem(request, reply, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      // the provider flattens each zod issue into { keyword: code, instancePath, message, params: rest }
      const issues = error.validation.map(
        (v) => ({ ...v.params, code: v.keyword, path: v.instancePath.split('/').filter(Boolean), message: v.message }) as unknown as z.core.$ZodIssue,
      );
      return sendProblem(request, reply, new AppError('request.invalid', 400, {}, issues.map((i) => fieldError(i, request.lang))));
    }
    const e = error as { code?: string; statusCode?: number; constraint?: string };
    if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || e.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH')
      return sendProblem(request, reply, new AppError('request.malformed', 400));
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendProblem(request, reply, new AppError('request.too_large', 413));
    if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendProblem(request, reply, new AppError('request.unsupported_media', 415));
    if (error instanceof EmbeddedQueryFailed) return sendProblem(request, reply, new AppError('geometry.engine_failed', 422));
    if (e.code === '23505') return sendProblem(request, reply, new AppError('conflict.duplicate', 409, { constraint: e.constraint ?? '' }));
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, new AppError('internal', 500, { requestId: request.id }));
  });
}

function fieldError(issue: z.core.$ZodIssue, lang: Lang): FieldError {
  const own = fieldMessages[issue.message];
  const locale = lang === 'en' ? enLocale : zhLocale;
  const fallback = locale.localeError?.(issue as never);
  const message = own ? own[lang === 'en' ? 'en' : 'zh'] : typeof fallback === 'string' ? fallback : (fallback?.message ?? issue.message);
  return { path: issue.path.join('.'), code: own ? issue.message : issue.code, message };
}

function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const detail = localise(error.code as MessageCode, request.lang, error.params);
  const body = {
    type: `https://gongzhi.org/problems/${error.code}`,
    title: localise(error.code as MessageCode, 'en', error.params),
    status: error.status,
    code: error.code,
    detail: error.fieldErrors?.length ? `${detail} ${error.fieldErrors.map((f) => `${f.path || '(body)'}: ${f.message}`).join('; ')}` : detail,
    ...(error.fieldErrors ? { errors: error.fieldErrors } : {}),
  };
  // a refusal that names when to come back tells clients (and proxies) in the standard header too
  if (error.status === 429 && typeof error.params.retryAfter === 'number') reply.header('retry-after', String(error.params.retryAfter));
  return reply.status(error.status).type('application/problem+json; charset=utf-8').send(body);
}

/** Client address for the audit log. */
export const clientIp = (request: FastifyRequest) => request.ip;
