import { loginRequest, sessionResponse, type SessionResponse } from '@gongzhi/contracts';
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Principal } from '../../platform/access.js';
import { sessionCookie } from '../../platform/authenticate.js';
import { unauthorized } from '../../platform/errors.js';
import { clientIp, typed, type App } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/routes.js';
import { scopeName } from '../regions/index.js';
import { otpRoutes } from './otp.routes.js';
import { login, logout, resolveSession, type SessionOpened } from './sessions.service.js';

const tags = ['auth 登录'];

async function describeSession(db: Kysely<DB>, principal: Principal, csrfToken: string): Promise<SessionResponse> {
  const user = await db
    .selectFrom('users as u')
    .leftJoin('units as n', 'n.id', 'u.unit_id')
    .select(['u.id', 'u.username', 'u.display_name', 'n.id as unit_id', 'n.name as unit_name'])
    .where('u.id', '=', principal.id)
    .executeTakeFirstOrThrow();
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      role: principal.role!,
      scopeCode: principal.scopeCode,
      scopeName: await scopeName(db, principal.scopeCode),
      unit: user.unit_id ? { id: user.unit_id, name: user.unit_name! } : null,
      permissions: [...principal.permissions],
    },
    csrfToken,
  };
}

export function authRoutes(app: App, deps: RouteDeps) {
  const { db, config } = deps;
  const r = typed(app);
  const startSession = async (reply: FastifyReply, session: SessionOpened) => {
    reply.setCookie(sessionCookie, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.GONGZHI_SECURE_COOKIES,
      expires: session.expiresAt,
    });
    return describeSession(db, session.principal, session.csrfToken);
  };
  otpRoutes(app, deps, startSession);
  r.post(
    '/auth/login',
    { config: { public: true }, schema: { tags, summary: '登录 Sign in (sets an httpOnly session cookie)', body: loginRequest, response: { 200: sessionResponse } } },
    async (req, reply) => {
      const session = await login(db, req.body.username, req.body.password, { ip: clientIp(req), userAgent: req.headers['user-agent'], sessionHours: config.GONGZHI_SESSION_HOURS });
      return startSession(reply, session);
    },
  );
  r.get('/auth/me', { schema: { tags, summary: '当前用户 The signed-in user and CSRF token', response: { 200: sessionResponse } } }, async (req) => {
    const session = await resolveSession(db, req.cookies[sessionCookie] ?? '');
    // API keys have no session; they are never "signed in"
    if (!session) throw unauthorized();
    return describeSession(db, session.principal, session.csrfToken);
  });
  r.post('/auth/logout', { schema: { tags, summary: '退出 Sign out' } }, async (req, reply) => {
    const token = req.cookies[sessionCookie];
    if (token && req.principal?.kind === 'user') await logout(db, token, req.principal, clientIp(req));
    reply.clearCookie(sessionCookie, { path: '/' });
    return reply.status(204).send();
  });
}
