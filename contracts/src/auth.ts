import { z } from 'zod';

export const roles = [
  'admin',
  'leader',
  'dispatcher',
  'handler',
  'verifier',
  'grid_worker',
  'data_admin',
  'citizen',
] as const;
export type Role = (typeof roles)[number];

export const loginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const sessionUser = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  scopeCode: z.string(),
  scopeName: z.string(),
  unit: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  permissions: z.array(z.string()),
});
export type SessionUser = z.infer<typeof sessionUser>;

/** Returned by login and by GET /auth/me; the CSRF token goes in the X-CSRF-Token header of every write. */
export const sessionResponse = z.object({ user: sessionUser, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof sessionResponse>;

/**
 * A mainland China mobile number: 11 digits from 13x to 19x. Spaces and hyphens are dropped, and a
 * leading +86 / 0086 / 86 country code is accepted.
 */
export const mobileNumber = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, '').replace(/^(\+86|0086|86)(?=1\d{10}$)/, ''))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, { message: 'mobile.format' }));

export const otpRequest = z.object({ phone: mobileNumber });
export type OtpRequest = z.input<typeof otpRequest>;

/** 202: a code is on its way. `devCode` only in development with no SMS gateway (see docs/decisions.md). */
export const otpResponse = z.object({
  expiresInSeconds: z.number().int(),
  resendInSeconds: z.number().int(),
  devCode: z.string().optional(),
});
export type OtpResponse = z.infer<typeof otpResponse>;

export const otpVerifyRequest = z.object({
  phone: mobileNumber,
  code: z.string().trim().regex(/^\d{6}$/, { message: 'otp.format' }),
});
export type OtpVerifyRequest = z.input<typeof otpVerifyRequest>;
