import { apiKeyItem, createApiKeyRequest, createdApiKey } from '@gongzhi/contracts';
import { z } from 'zod';
import { clientIp, typed, type App } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/routes.js';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.service.js';

const tags = ['accounts 账号'];

export function apiKeyRoutes(app: App, { db }: RouteDeps) {
  const r = typed(app);
  r.get('/api-keys', { schema: { tags, summary: 'API 密钥列表 API keys', response: { 200: z.object({ items: z.array(apiKeyItem) }) } } }, async (req) => ({
    items: await listApiKeys(db, req.principal!),
  }));
  r.post('/api-keys', { schema: { tags, summary: '新建 API 密钥 Create an API key (the secret is shown once)', body: createApiKeyRequest, response: { 201: createdApiKey } } }, async (req, reply) =>
    reply.status(201).send(await createApiKey(db, req.principal!, req.body, clientIp(req))),
  );
  r.delete('/api-keys/:id', { schema: { tags, summary: '吊销 API 密钥 Revoke an API key', params: z.object({ id: z.string().uuid() }) } }, async (req, reply) => {
    await revokeApiKey(db, req.principal!, req.params.id, clientIp(req));
    return reply.status(204).send();
  });
}
