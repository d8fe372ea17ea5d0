import { requirePermission } from '../../platform/access.js';
import type { App } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/routes.js';
import { openEventStream } from '../../platform/sse.js';
import { listenToCases } from './live-feed.js';

/** GET /events/cases: the command centre's live feed of new and escalated cases (Server-Sent Events, event `case`). */
export function caseFeedRoutes(app: App, { db }: RouteDeps) {
  app.get('/events/cases', { schema: { tags: ['stats 驾驶舱与综合评价'], summary: '实时动态 New and escalated cases in my jurisdiction as they happen (text/event-stream, event: case)' } }, async (req, reply) => {
    const p = requirePermission(req.principal, 'stats:read');
    const stream = openEventStream(req, reply);
    stream.onClose(listenToCases(db, p, (event) => stream.send('case', event)));
  });
}
