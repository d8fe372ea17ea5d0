import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../platform/access.js';
import { AppError, badRequest, unauthorized } from '../../platform/errors.js';
import { typed, type App } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/routes.js';
import { resolveApiKey } from '../accounts/index.js';
import { discovery, serviceDefinition, services } from './catalogue.js';
import { readPostedRequest, registerFormParser } from './form-body.js';
import { sendOpen311, sendOpen311Error, splitFormat, type Format } from './format.js';
import { commonQuery, fileParams, requestsQuery } from './query.js';
import { oneRequest, searchRequests } from './requests.service.js';
import { requestOfToken, submitRequest, tokenOf } from './submit.service.js';

const tags = ['open311 GeoReport v2'];
// Open311 is described by its own spec and discovery document, and answers its own error format; it stays out
// of the /api/v1 OpenAPI document (whose route matrix expects problem+json 401s everywhere)
const formats: Format[] = ['json', 'xml'];
const defaultPageSize = 50;

const baseUrl = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

/**
 * The key of an Open311 call: the platform's own headers (already resolved by authentication), or the
 * spec's `api_key` parameter in the query or the form. Reads need a key too (docs/decisions.md, Open311).
 */
async function keyPrincipal(req: FastifyRequest, db: RouteDeps['db']): Promise<Principal> {
  if (req.principal) return req.principal;
  const body = req.body as Record<string, unknown> | undefined;
  const sent = (req.query as Record<string, unknown>).api_key ?? body?.api_key;
  const apiKey = Array.isArray(sent) ? sent[0] : sent;
  if (typeof apiKey !== 'string' || apiKey === '') throw unauthorized('open311.api_key_required');
  const p = await resolveApiKey(db, apiKey);
  if (!p) throw unauthorized('auth.api_key_invalid');
  return p;
}

/**
 * GeoReport v2 under /open311/v2: discovery, services, service definitions, requests (GET and POST),
 * tokens, each as .json or .xml. Errors use the spec's list format in the asked format, never problem+json.
 */
export async function open311Routes(app: App, { db, pii }: RouteDeps) {
  registerFormParser(app);
  app.setErrorHandler((error, request, reply) => sendOpen311Error(request, reply, error));
  app.setNotFoundHandler((request, reply) => sendOpen311Error(request, reply, new AppError('route.not_found', 404)));
  const r = typed(app);
  const fileUrl = (req: FastifyRequest) => (id: string) => `${baseUrl(req)}/api/v1/files/${id}`;

  for (const format of formats) {
    r.get(`/discovery.${format}`, { schema: { hide: true, tags, summary: `服务发现 Service discovery (${format})`, querystring: commonQuery } }, (req, reply) =>
      sendOpen311(reply, format, 'discovery', discovery(baseUrl(req))),
    );
    r.get(`/services.${format}`, { schema: { hide: true, tags, summary: `服务类型 Service list (${format})`, querystring: commonQuery } }, async (_req, reply) =>
      sendOpen311(reply, format, 'services', await services(db)),
    );
    r.get(`/requests.${format}`, { schema: { hide: true, tags, summary: `查询服务请求 Search requests (${format}; page, page_size)`, querystring: requestsQuery } }, async (req, reply) => {
      const p = await keyPrincipal(req, db);
      const q = req.query;
      if (q.start_date && q.end_date && q.start_date > q.end_date) throw badRequest('open311.param_invalid', { name: 'start_date', reason: 'start_date > end_date' });
      const found = await searchRequests(
        db, p,
        { ids: q.service_request_id, serviceCodes: q.service_code, start: q.start_date, end: q.end_date, statuses: q.status as Array<'open' | 'closed'> | undefined, page: q.page ?? 1, pageSize: q.page_size ?? defaultPageSize },
        fileUrl(req),
      );
      reply.header('x-total-count', String(found.total));
      return sendOpen311(reply, format, 'service_requests', found.requests);
    });
    r.post(`/requests.${format}`, { schema: { hide: true, tags, summary: `提交服务请求 Post a request (${format}; form or JSON; api_key)`, querystring: commonQuery } }, async (req, reply) => {
      const p = await keyPrincipal(req, db);
      const posted = readPostedRequest(req.body);
      const header = req.headers['idempotency-key'];
      const token = tokenOf(typeof header === 'string' ? header : posted.fields.token);
      const result = await submitRequest(db, pii, p, posted, token);
      return sendOpen311(reply, format, 'service_requests', result.body, result.created ? 201 : 200);
    });
  }
  r.get('/services/:file', { schema: { hide: true, tags, summary: '服务定义 Service definition (C0101.json / .xml)', params: fileParams, querystring: commonQuery } }, async (req, reply) => {
    const { name, format } = splitFormat(req.params.file);
    return sendOpen311(reply, format, 'service_definition', await serviceDefinition(db, name));
  });
  r.get('/requests/:file', { schema: { hide: true, tags, summary: '服务请求详情 One request, with its timeline (number.json / .xml)', params: fileParams, querystring: commonQuery } }, async (req, reply) => {
    const { name, format } = splitFormat(req.params.file);
    const p = await keyPrincipal(req, db);
    return sendOpen311(reply, format, 'service_requests', [await oneRequest(db, p, name, fileUrl(req))]);
  });
  r.get('/tokens/:file', { schema: { hide: true, tags, summary: '令牌查询 The request a token made (token.json / .xml)', params: fileParams, querystring: commonQuery } }, async (req, reply) => {
    const { name, format } = splitFormat(req.params.file);
    const p = await keyPrincipal(req, db);
    return sendOpen311(reply, format, 'service_requests', await requestOfToken(db, p, name));
  });
}
