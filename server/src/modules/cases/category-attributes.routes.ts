import { categoryAttributeItem, createCategoryAttributeRequest, reorderCategoryAttributesRequest, updateCategoryAttributeRequest } from '@gongzhi/contracts';
import { z } from 'zod';
import { clientIp, typed, type App } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/routes.js';
import { deleteCategoryAttribute, listCategoryAttributes, reorderCategoryAttributes, saveCategoryAttribute } from './category-attributes.service.js';

const tags = ['cases 案件'];
const category = z.object({ code: z.string().regex(/^[CES]\d{2}(\d{2})?$/) });
const attribute = category.extend({ attr: z.string().max(40) });
const list = z.object({ items: z.array(categoryAttributeItem) });

/** 上报附加项: the extra fields a category asks for when it is reported (Open311 service definitions show the same). */
export function categoryAttributeRoutes(app: App, { db }: RouteDeps) {
  const r = typed(app);
  r.get('/case-categories/:code/attributes', { schema: { tags, summary: '类别附加项 Extra fields of a category', params: category, response: { 200: list } } }, async (req) => ({
    items: await listCategoryAttributes(db, req.principal, req.params.code),
  }));
  r.post(
    '/case-categories/:code/attributes',
    { schema: { tags, summary: '新增附加项 Add an extra field', params: category, body: createCategoryAttributeRequest, response: { 201: categoryAttributeItem } } },
    async (req, reply) => {
      const { code, ...input } = req.body;
      return reply.status(201).send(await saveCategoryAttribute(db, req.principal, req.params.code, code, input, 'create', clientIp(req)));
    },
  );
  r.put(
    '/case-categories/:code/attributes/:attr',
    { schema: { tags, summary: '修改附加项 Edit an extra field', params: attribute, body: updateCategoryAttributeRequest, response: { 200: categoryAttributeItem } } },
    (req) => saveCategoryAttribute(db, req.principal, req.params.code, req.params.attr, req.body, 'update', clientIp(req)),
  );
  r.delete('/case-categories/:code/attributes/:attr', { schema: { tags, summary: '删除附加项 Delete an extra field', params: attribute } }, async (req, reply) => {
    await deleteCategoryAttribute(db, req.principal, req.params.code, req.params.attr, clientIp(req));
    return reply.status(204).send();
  });
  r.put(
    '/case-categories/:code/attribute-order',
    { schema: { tags, summary: '附加项排序 Reorder the extra fields', params: category, body: reorderCategoryAttributesRequest, response: { 200: list } } },
    async (req) => ({ items: await reorderCategoryAttributes(db, req.principal, req.params.code, req.body.codes, clientIp(req)) }),
  );
}
