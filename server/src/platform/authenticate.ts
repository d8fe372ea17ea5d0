import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from './access.js';
import { AppError, unauthorized } from './errors.js';
import { safeEqual } from './tokens.js';

export const sessionCookie = 'gz_session';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface Authenticators {
  resolveSession(token: string): Promise<{ principal: Principal; csrfToken: string } | null>;
  resolveApiKey(secret: string): Promise<Principal | null>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Routes anyone may call without signing in. */
    public?: boolean;
  }
}

/**
 * Sets request.principal from an API key (Authorization: Bearer / X-API-Key) or the session cookie.
 * Cookie-authenticated writes must carry the session's CSRF token in X-CSRF-Token. Every route but
 * the public ones answers 401 without a principal, before its input is even validated.
 */
export function registerAuthentication(app: FastifyInstance, auth: Authenticators) {
  app.decorateRequest('principal', null);
  app.addHook('preValidation', async (request) => {
    if (!request.principal && !request.is404 && !request.routeOptions.config.public) throw unauthorized();
  });
  app.addHook('onRequest', async (request) => {
    const apiKey = bearer(request) ?? header(request, 'x-api-key');
    if (apiKey) {
      request.principal = await auth.resolveApiKey(apiKey);
      if (!request.principal) throw unauthorized('auth.api_key_invalid');
      return;
    }
    const token = request.cookies[sessionCookie];
    if (!token) return;
    const session = await auth.resolveSession(token);
    if (!session) return;
    if (!safeMethods.has(request.method)) {
      const sent = header(request, 'x-csrf-token');
      if (!sent || !safeEqual(sent, session.csrfToken)) throw new AppError('auth.csrf', 403);
    }
    request.principal = session.principal;
  });
}

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function bearer(request: FastifyRequest): string | undefined {
  const v = header(request, 'authorization');
  return v?.toLowerCase().startsWith('bearer ') ? v.slice(7).trim() : undefined;
}
