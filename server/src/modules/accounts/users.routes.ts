import { createUserRequest, unitItem, updateUserRequest, userItem, userListQuery } from '@gongzhi/contracts';
import { z } from 'zod';
import { clientIp, typed, type App } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/routes.js';
import { scopeExists } from '../regions/index.js';
import { createUser, getUser, listUnits, listUsers, updateUser } from './users.service.js';

const tags = ['accounts 账号'];
const params = z.object({ id: z.string().uuid() });

export function userRoutes(app: App, { db }: RouteDeps) {
  const r = typed(app);
  const scopes = { scopeExists: (code: string) => scopeExists(db, code) };
  r.get('/users', { schema: { tags, summary: '账号列表 Accounts in my jurisdiction', querystring: userListQuery, response: { 200: z.object({ items: z.array(userItem) }) } } }, async (req) => ({
    items: await listUsers(db, req.principal!, req.query),
  }));
  r.get('/users/:id', { schema: { tags, summary: '账号详情 One account', params, response: { 200: userItem } } }, (req) => getUser(db, req.principal!, req.params.id));
  r.post('/users', { schema: { tags, summary: '新建账号 Create an account', body: createUserRequest, response: { 201: userItem } } }, async (req, reply) =>
    reply.status(201).send(await createUser(db, req.principal!, scopes, req.body, clientIp(req))),
  );
  r.patch('/users/:id', { schema: { tags, summary: '修改账号 Edit, disable or unlock an account', params, body: updateUserRequest, response: { 200: userItem } } }, (req) =>
    updateUser(db, req.principal!, scopes, req.params.id, req.body, clientIp(req)),
  );
  r.get('/units', { schema: { tags, summary: '单位列表 Departments and offices', response: { 200: z.object({ items: z.array(unitItem) }) } } }, async (req) => ({
    items: await listUnits(db, req.principal!),
  }));
}
