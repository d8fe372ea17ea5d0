import { categoryItem, createRoutingRuleRequest, routingRuleItem, upsertCategoryRequest } from '@gongzhi/contracts';
import { z } from 'zod';
import { clientIp, typed, type App } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/routes.js';
import { listCategories, upsertCategory } from './categories.service.js';
import { categoryAttributeRoutes } from './category-attributes.routes.js';
import { createRoutingRule, deleteRoutingRule, listRoutingRules } from './routing.service.js';

const tags = ['cases 案件'];

/** Reference data of the loop: categories (管理部件和事件) and routing rules. */
export function caseReferenceRoutes(app: App, deps: RouteDeps) {
  const { db } = deps;
  const r = typed(app);
  categoryAttributeRoutes(app, deps);
  r.get('/case-categories', { schema: { tags, summary: '案件类别 Categories (components, events, social governance)', response: { 200: z.object({ items: z.array(categoryItem) }) } } }, async (req) => ({
    items: await listCategories(db, req.principal),
  }));
  r.put(
    '/case-categories/:code',
    { schema: { tags, summary: '新增或修改类别 Create or edit a category', params: z.object({ code: z.string().regex(/^[CES]\d{2}(\d{2})?$/) }), body: upsertCategoryRequest, response: { 200: categoryItem } } },
    (req) => upsertCategory(db, req.principal, req.params.code, req.body, clientIp(req)),
  );
  r.get('/routing-rules', { schema: { tags, summary: '分拨规则 Routing rules (category × jurisdiction → unit)', response: { 200: z.object({ items: z.array(routingRuleItem) }) } } }, async (req) => ({
    items: await listRoutingRules(db, req.principal),
  }));
  r.post('/routing-rules', { schema: { tags, summary: '设置分拨规则 Set a routing rule', body: createRoutingRuleRequest, response: { 201: z.object({ id: z.string().uuid() }) } } }, async (req, reply) =>
    reply.status(201).send({ id: await createRoutingRule(db, req.principal, req.body, clientIp(req)) }),
  );
  r.delete('/routing-rules/:id', { schema: { tags, summary: '删除分拨规则 Delete a routing rule', params: z.object({ id: z.string().uuid() }) } }, async (req, reply) => {
    await deleteRoutingRule(db, req.principal, req.params.id, clientIp(req));
    return reply.status(204).send();
  });
}
