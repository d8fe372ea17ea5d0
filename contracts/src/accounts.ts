import { z } from 'zod';
import { roles } from './auth.js';
import { scopeCode } from './codes.js';

export const userItem = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  scopeCode: z.string(),
  unitId: z.string().uuid().nullable(),
  phone: z.string().nullable(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
});
export type UserItem = z.infer<typeof userItem>;

export const userListQuery = z.object({
  role: z.enum(roles).optional(),
  scope: scopeCode.optional(),
  q: z.string().trim().max(50).optional(),
});

export const createUserRequest = z.object({
  username: z.string().trim().regex(/^[a-z0-9][a-z0-9_.-]{2,31}$/, { message: 'username.format' }),
  displayName: z.string().trim().min(1).max(40),
  role: z.enum(roles),
  scopeCode,
  unitId: z.string().uuid().nullable().default(null),
  phone: z.string().regex(/^1\d{10}$/, { message: 'phone.format' }).nullable().default(null),
  password: z.string().min(10).max(128),
});
export const updateUserRequest = createUserRequest
  .omit({ username: true, password: true })
  .partial()
  .extend({ disabled: z.boolean().optional(), password: z.string().min(10).max(128).optional() });

export const unitItem = z.object({
  id: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(['department', 'office']),
  regionCode: z.string(),
});
export type UnitItem = z.infer<typeof unitItem>;

export const createApiKeyRequest = z.object({
  name: z.string().trim().min(1).max(60),
  scopeCode,
  permissions: z.array(z.string()).min(1),
  expiresAt: z.string().datetime().nullable().default(null),
});
export const apiKeyItem = z.object({
  id: z.string().uuid(),
  name: z.string(),
  prefix: z.string(),
  scopeCode: z.string(),
  permissions: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
/** The secret is shown once, at creation. */
export const createdApiKey = apiKeyItem.extend({ secret: z.string() });

export const auditItem = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditItem = z.infer<typeof auditItem>;
