import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Principal } from '../../platform/access.js';
import { badRequest, localise, notFound } from '../../platform/errors.js';
import { encryptPii, maskPhone, type PiiKeys } from '../../platform/pii.js';
import { caseNumberByIntakeKey, categoryAttributes, reportableCategories, reportCase } from '../cases/index.js';
import { checkAttributes } from './attributes.js';
import type { PostedRequest } from './form-body.js';

const tokenPattern = /^[A-Za-z0-9-]{8,64}$/;

/** The token of a POST: the client's retry key when it sends one, else a fresh one (see docs/decisions.md, Open311). */
export function tokenOf(sent: string | undefined): string {
  if (sent === undefined || sent === '') return crypto.randomUUID();
  if (!tokenPattern.test(sent)) throw badRequest('open311.token_format');
  return sent;
}

function coordinate(fields: Record<string, string>, name: 'lat' | 'long', min: number, max: number): number | undefined {
  const raw = fields[name]?.trim();
  if (!raw) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) throw badRequest('open311.coordinate_invalid', { name, value: raw });
  return n;
}

const maskEmail = (email: string) => email.replace(/^(.).*(@.*)$/, '$1***$2');

/**
 * The reporter's contact as the timeline keeps it: masked for people who read the case, and sealed
 * (AES-GCM, the platform's personal-data key) for whoever may reveal it. Never in GET output.
 */
function sealContact(pii: PiiKeys, f: Record<string, string>): Record<string, unknown> | undefined {
  const contact = Object.fromEntries(
    (['first_name', 'last_name', 'email', 'phone', 'device_id', 'account_id'] as const).flatMap((k) => (f[k]?.trim() ? [[k, f[k]!.trim().slice(0, 200)]] : [])),
  );
  if (!Object.keys(contact).length) return undefined;
  const name = [contact.last_name, contact.first_name].filter(Boolean).join('');
  return {
    ...(name ? { name } : {}),
    ...(contact.phone ? { phone: maskPhone(contact.phone) } : {}),
    ...(contact.email ? { email: maskEmail(contact.email) } : {}),
    sealed: encryptPii(pii, JSON.stringify(contact)).toString('base64'),
  };
}

/**
 * POST requests: checks the service, the point and the answers, then reports through the cases
 * module like any other intake (source 'api', inside the key's jurisdiction). The token is the
 * intake's idempotency key, so a retry answers with the same case instead of making a second one.
 */
export async function submitRequest(db: Kysely<DB>, pii: PiiKeys, p: Principal, posted: PostedRequest, token: string) {
  const { fields } = posted;
  const serviceCode = fields.service_code?.trim();
  if (!serviceCode) throw badRequest('open311.service_code_required');
  const service = (await reportableCategories(db)).find((c) => c.code === serviceCode);
  if (!service) throw notFound('open311.service_unknown', { code: serviceCode });
  const lat = coordinate(fields, 'lat', -90, 90);
  const lng = coordinate(fields, 'long', -180, 180);
  if (lat === undefined || lng === undefined) throw badRequest('open311.location_required');
  const description = fields.description?.trim() ?? '';
  if (description.length > 4000) throw badRequest('open311.description_too_long');
  const address = fields.address_string?.trim().slice(0, 200) || undefined;
  const mediaUrl = fields.media_url?.trim() || undefined;
  if (mediaUrl && !/^https?:\/\/\S+$/i.test(mediaUrl)) throw badRequest('open311.media_url');
  const attributes = checkAttributes(serviceCode, await categoryAttributes(db, serviceCode), posted.attributes);
  const contact = sealContact(pii, fields);

  const intake = await reportCase(
    db, p,
    {
      categoryCode: serviceCode,
      // a case needs words; a report with none (or too few) is named after its service
      description: description.length >= 5 ? description : `${service.name}${description ? `：${description}` : '（未附描述）'}`,
      lng, lat, address, photoIds: [],
      ...(Object.keys(attributes).length ? { attributes } : {}),
      ...(contact ? { contact } : {}),
      ...(mediaUrl ? { mediaUrl } : {}),
    },
    token,
  );
  if (intake.created) {
    const due = new Date(intake.summary.stageDueAt!).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
    return { created: true, body: [{ service_request_id: intake.summary.number, token, service_notice: localise('open311.created', 'zh-CN', { due }), account_id: null }] };
  }
  const number = (await caseNumberByIntakeKey(db, p, token))!;
  return { created: false, body: [{ service_request_id: number, token, service_notice: localise('open311.replayed', 'zh-CN'), account_id: null }] };
}

/** GET tokens/{token}: the request a token made, for this key only. */
export async function requestOfToken(db: Kysely<DB>, p: Principal, token: string) {
  if (!tokenPattern.test(token)) throw notFound('open311.token_not_found', { token });
  const number = await caseNumberByIntakeKey(db, p, token);
  if (!number) throw notFound('open311.token_not_found', { token });
  return [{ service_request_id: number, token }];
}
