import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { healthResponse } from '@gongzhi/contracts';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { migrationState } from './db/migrate.js';
import { apiKeyRoutes, authRoutes, resolveApiKey, resolveSession, userRoutes } from './modules/accounts/index.js';
import { basedataReferenceRoutes, housingRoutes, importRoutes, peopleRoutes, reviewRoutes } from './modules/basedata/index.js';
import { calendarRoutes } from './modules/calendar/index.js';
import { classifyRoutes } from './modules/classify/index.js';
import { statsRoutes } from './modules/stats/index.js';
import { reportRoutes } from './modules/reports/index.js';
import { caseFeedRoutes, caseReferenceRoutes, caseRoutes, citizenRoutes, photoRoutes } from './modules/cases/index.js';
import { open311Routes } from './modules/open311/index.js';
import { gridRoutes, regionRoutes } from './modules/regions/index.js';
import { auditRoutes } from './platform/audit.routes.js';
import { registerAuthentication } from './platform/authenticate.js';
import { registerLanguage, registerProblemHandler, typed } from './platform/http.js';
import { piiKeysFrom, resolvePiiSecret } from './platform/pii.js';
import type { RouteDeps } from './platform/routes.js';

export const version = '0.1.0';
const webDist = path.resolve(import.meta.dirname, '../../web/dist');

export interface AppOptions {
  config: Config;
  database: Database;
  logger: Logger;
  /** Serve the built web app at / (off in API tests). */
  serveWeb?: boolean;
}

/** Builds the HTTP app; `gongzhi start` and the integration tests both use it. */
export async function buildApp({ config, database, logger, serveWeb = true }: AppOptions): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({ loggerInstance: logger as FastifyBaseLogger, bodyLimit: 5 * 1024 * 1024, trustProxy: true });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(cookie);
  registerLanguage(app);
  registerProblemHandler(app);
  const db = database.db;
  registerAuthentication(app, {
    resolveSession: (token) => resolveSession(db, token),
    resolveApiKey: (secret) => resolveApiKey(db, secret),
  });
  // Only the API needs a principal; documentation and the web app's files are public.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) route.config = { ...(route.config as object), public: true };
  });
  await app.register(swagger, {
    openapi: {
      info: { title: '共治 Gongzhi API', version, description: '网格化社会治理平台接口 Grid-based social governance platform API. Errors are application/problem+json with a stable `code`.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gz_session' }, apiKey: { type: 'http', scheme: 'bearer' } } },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  const pii = resolvePiiSecret(config.GONGZHI_PII_KEY, config.GONGZHI_DATA_DIR);
  if (pii.generated) logger.warn('GONGZHI_PII_KEY is unset: personal data is encrypted with a key kept in the data folder, fit for the demo only / 未设置 GONGZHI_PII_KEY，个人信息密钥保存在数据目录中，仅适用于演示');
  const deps: RouteDeps = { db, config, pii: piiKeysFrom(pii.secret) };
  await app.register(
    async (api) => {
      typed(api).get('/health', { config: { public: true }, schema: { tags: ['platform 平台'], summary: '健康检查 Health', response: { 200: healthResponse } } }, async () => {
        const [state, postgis] = await Promise.all([migrationState(database), database.db.selectNoFrom((eb) => eb.fn<string>('postgis_lib_version', []).as('v')).executeTakeFirstOrThrow()]);
        return { status: 'ok' as const, database: database.kind, postgis: postgis.v, migration: state, version };
      });
      for (const routes of [authRoutes, userRoutes, apiKeyRoutes, regionRoutes, gridRoutes, auditRoutes, calendarRoutes, caseReferenceRoutes, caseRoutes, photoRoutes, citizenRoutes, basedataReferenceRoutes, peopleRoutes, housingRoutes, reviewRoutes, importRoutes, classifyRoutes, statsRoutes, caseFeedRoutes, reportRoutes]) await routes(api, deps);
    },
    { prefix: '/api/v1' },
  );
  // GeoReport v2 for partner apps: its own formats and error lists, so its own scope (error handler, form parser)
  await app.register((open311) => open311Routes(open311, deps), { prefix: '/open311/v2' });

  if (serveWeb && fs.existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    // SPA fallback: any non-API GET that is not a file gets the app shell
    app.get('/*', (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  }
  return app;
}
