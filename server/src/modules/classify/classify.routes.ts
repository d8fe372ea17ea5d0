import { classifierModel, classifierModelList, classifierSettings, classifierSettingsUpdate, classifyRequest, classifyResponse } from '@gongzhi/contracts';
import { clientIp, typed, type App } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/routes.js';
import { classifyText } from './classify.service.js';
import { modelList, readClassifierSettings, retrainByRequest, updateClassifierSettings } from './manage.service.js';

const tags = ['classify 自动分类'];

export function classifyRoutes(app: App, { db }: RouteDeps) {
  const r = typed(app);
  r.post(
    '/classify',
    {
      schema: {
        tags,
        summary: '自动分类 Suggest a label and the responsible unit for a message (signed-in users, or API keys with case:classify)',
        body: classifyRequest,
        response: { 200: classifyResponse },
      },
    },
    (req) => classifyText(db, req.principal, req.body.text),
  );
  r.get('/classify/settings', { schema: { tags, summary: '智能分拨设置 Automatic dispatch threshold and retraining schedule', response: { 200: classifierSettings } } }, (req) =>
    readClassifierSettings(db, req.principal),
  );
  r.put('/classify/settings', { schema: { tags, summary: '修改智能分拨设置 Change the threshold or the retraining schedule', body: classifierSettingsUpdate, response: { 200: classifierSettings } } }, (req) =>
    updateClassifierSettings(db, req.principal, req.body, clientIp(req)),
  );
  r.get('/classify/models', { schema: { tags, summary: '分类模型 The trained models, their scores and the dispatchers’ corrections since', response: { 200: classifierModelList } } }, (req) =>
    modelList(db, req.principal),
  );
  r.post(
    '/classify/models',
    { schema: { tags, summary: '重新训练 Retrain on the labelled messages and dispatchers’ choices (answers when done, 15–30 s)', response: { 201: classifierModel } } },
    async (req, reply) => reply.status(201).send(await retrainByRequest(db, req.principal, clientIp(req))),
  );
}
