import { classifyRequest, classifyResponse } from '@gongzhi/contracts';
import { typed, type App } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/routes.js';
import { classifyText } from './classify.service.js';

const tags = ['classify 自动分类'];

export function classifyRoutes(app: App, { db }: RouteDeps) {
  typed(app).post(
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
}
