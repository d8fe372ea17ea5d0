import { auditItem } from '@gongzhi/contracts';
import { z } from 'zod';
import { requirePermission, scopeLikePattern, significantPrefix } from './access.js';
import { typed, type App } from './http.js';
import type { RouteDeps } from './routes.js';

const query = z.object({
  action: z.string().max(60).optional(),
  actor: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export function auditRoutes(app: App, { db }: RouteDeps) {
  typed(app).get(
    '/audit',
    { schema: { tags: ['audit 审计'], summary: '审计日志 Audit log', querystring: query, response: { 200: z.object({ items: z.array(auditItem) }) } } },
    async (req) => {
      const reader = requirePermission(req.principal, 'audit:read');
      // entries of actors inside the reader's jurisdiction; anonymous ones (unknown names) for district-wide auditors
      const districtWide = significantPrefix(reader.scopeCode).length <= 6;
      let q = db
        .selectFrom('audit_log')
        .selectAll()
        .where((eb) => eb.or([eb('actor_scope', 'like', scopeLikePattern(reader)), ...(districtWide ? [eb('actor_scope', 'is', null)] : [])]));
      if (req.query.action) q = q.where('action', '=', req.query.action);
      if (req.query.actor) q = q.where('actor_name', '=', req.query.actor);
      const rows = await q.orderBy('id', 'desc').limit(req.query.pageSize).offset((req.query.page - 1) * req.query.pageSize).execute();
      return {
        items: rows.map((a) => ({
          id: String(a.id), at: a.at.toISOString(), actorId: a.actor_id, actorName: a.actor_name, action: a.action,
          targetType: a.target_type, targetId: a.target_id, ip: a.ip, detail: a.detail,
        })),
      };
    },
  );
}
