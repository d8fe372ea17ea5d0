import { z } from 'zod';
import { isW3cDateTime } from './attributes.js';

// "Optional" in GeoReport v2 means an empty parameter counts as absent
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const commaList = (message: string, item: z.ZodType = z.string()) =>
  optional(z.string().transform((v, ctx) => {
    const items = v.split(',').map((s) => s.trim()).filter(Boolean);
    for (const i of items) if (!item.safeParse(i).success) ctx.addIssue({ code: 'custom', message });
    return items;
  }));
const dateTime = optional(
  z.string().refine(isW3cDateTime, { message: '应为带时区的 W3C 时间，例如 2026-11-01T00:00:00+08:00 / must be a W3C date-time with a time zone' }).transform((v) => new Date(v)),
);

/** Parameters every Open311 call may carry: the key (POST and, here, reads) and a jurisdiction, which one endpoint does not need. */
const common = { api_key: optional(z.string()), jurisdiction_id: optional(z.string()), lang: optional(z.string()) };

export const requestsQuery = z.object({
  ...common,
  service_request_id: commaList('service_request_id 应为案件编号，例如 370303-20261122-00042 / must be case numbers', z.string().regex(/^\d{6}-\d{8}-\d{5}$/)),
  service_code: commaList('service_code 应为类别编码 / must be service codes', z.string().regex(/^[A-Z]\d{2,4}$/)),
  start_date: dateTime,
  end_date: dateTime,
  status: commaList('status 只能是 open 或 closed / must be open or closed', z.enum(['open', 'closed'])),
  page: optional(z.coerce.number({ message: 'page 应为正整数 / must be a positive integer' }).int({ message: 'page 应为正整数 / must be a positive integer' }).min(1, { message: 'page 应为正整数 / must be a positive integer' })),
  page_size: optional(
    z.coerce.number({ message: 'page_size 应为 1–200 的整数 / must be an integer from 1 to 200' })
      .int({ message: 'page_size 应为 1–200 的整数 / must be an integer from 1 to 200' })
      .min(1, { message: 'page_size 应为 1–200 的整数 / must be an integer from 1 to 200' })
      .max(200, { message: 'page_size 应为 1–200 的整数 / must be an integer from 1 to 200' }),
  ),
});

export const commonQuery = z.object(common);
export const fileParams = z.object({ file: z.string() });
