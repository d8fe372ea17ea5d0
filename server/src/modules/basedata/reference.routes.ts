import {
  createFieldRequest, fieldDefinition, fieldListQuery, fieldListResponse, idParams, setAuthorityRequest, sourcesResponse, tagCodeParams, tagListResponse, tagType,
  updateFieldRequest, upsertTagRequest,
} from '@gongzhi/contracts';
import { clientIp, typed, type App } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/routes.js';
import { createField, listFields, updateField } from './fields.service.js';
import { listSources, listTags, setAuthority, upsertTag } from './reference.service.js';

const tags = ['basedata 人房企'];

export function basedataReferenceRoutes(app: App, { db }: RouteDeps) {
  const r = typed(app);
  r.get('/basedata/fields', { schema: { tags, summary: '字段定义 Fields of an entity: core and defined ones, with their authoritative source', querystring: fieldListQuery, response: { 200: fieldListResponse } } }, async (req) => ({
    items: await listFields(db, req.principal, req.query.entity, req.query.grid),
  }));
  r.post('/basedata/fields', { schema: { tags, summary: '新增扩展字段 Define an extra field for your jurisdiction', body: createFieldRequest, response: { 201: fieldDefinition } } }, async (req, reply) =>
    reply.status(201).send(await createField(db, req.principal, req.body, clientIp(req))),
  );
  r.patch('/basedata/fields/:id', { schema: { tags, summary: '修改扩展字段 Change or retire an extra field', params: idParams, body: updateFieldRequest, response: { 200: fieldDefinition } } }, (req) =>
    updateField(db, req.principal, req.params.id, req.body, clientIp(req)),
  );
  r.get('/basedata/tags', { schema: { tags, summary: '人群标签 Group tags (独居老人, 残疾人 …)', response: { 200: tagListResponse } } }, (req) => listTags(db, req.principal));
  r.put('/basedata/tags/:code', { schema: { tags, summary: '设置人群标签 Create or change a group tag', params: tagCodeParams, body: upsertTagRequest, response: { 200: tagType } } }, (req) =>
    upsertTag(db, req.principal, req.params.code, req.body, clientIp(req)),
  );
  r.get('/basedata/sources', { schema: { tags, summary: '数据来源 Sources and the field each is authoritative for (一数一源)', response: { 200: sourcesResponse } } }, (req) => listSources(db, req.principal));
  r.put('/basedata/authorities', { schema: { tags, summary: '设置权威来源 Name the authoritative source of a field', body: setAuthorityRequest, response: { 200: sourcesResponse } } }, (req) =>
    setAuthority(db, req.principal, req.body, clientIp(req)),
  );
}
