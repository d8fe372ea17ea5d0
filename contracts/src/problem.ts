import { z } from 'zod';

/** RFC 9457 problem details, as every error of the API is returned (application/problem+json). */
export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problem>;

export const healthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  postgis: z.string(),
  migration: z.object({ version: z.number().int(), name: z.string() }),
  version: z.string(),
});
