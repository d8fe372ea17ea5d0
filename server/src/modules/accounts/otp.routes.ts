import { otpRequest, otpResponse, otpVerifyRequest, sessionResponse, type SessionResponse } from '@gongzhi/contracts';
import type { FastifyReply } from 'fastify';
import { devOtpEnabled } from '../../config.js';
import { clientIp, typed, type App } from '../../platform/http.js';
import type { RouteDeps } from '../../platform/routes.js';
import { requestOtp, verifyOtp, type OtpDeps } from './otp.service.js';
import type { SessionOpened } from './sessions.service.js';
import { smsSenderFrom } from './sms.js';

const tags = ['auth 登录'];

/**
 * Citizens sign in with a mobile number and a one-time code. Registered by authRoutes, whose
 * `startSession` sets the cookie and shapes the answer exactly as for a password sign-in.
 */
export function otpRoutes(
  app: App,
  { db, config, pii }: RouteDeps,
  startSession: (reply: FastifyReply, opened: SessionOpened) => Promise<SessionResponse>,
) {
  const r = typed(app);
  const deps: OtpDeps = { db, pii, sms: smsSenderFrom(config, app.log), devCode: devOtpEnabled(config) };
  r.post(
    '/auth/otp',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '获取短信验证码 Send a one-time sign-in code to a mobile number (1 a minute, 10 a day per number)',
        body: otpRequest,
        response: { 202: otpResponse },
      },
    },
    async (req, reply) => reply.status(202).send(await requestOtp(deps, req.body.phone, clientIp(req))),
  );
  r.post(
    '/auth/otp/verify',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '验证码登录 Sign in with the code (a citizen account is made on first sign-in; sets the session cookie)',
        body: otpVerifyRequest,
        response: { 200: sessionResponse },
      },
    },
    async (req, reply) => {
      const opened = await verifyOtp(deps, req.body.phone, req.body.code, { ip: clientIp(req), userAgent: req.headers['user-agent'], sessionHours: config.GONGZHI_SESSION_HOURS });
      return startSession(reply, opened);
    },
  );
}
