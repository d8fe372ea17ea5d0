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
