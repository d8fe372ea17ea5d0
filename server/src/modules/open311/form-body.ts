import type { FastifyInstance } from 'fastify';
import type { AttributeAnswers } from './attributes.js';

/**
 * Open311 clients post application/x-www-form-urlencoded. Fastify reads only JSON, and no form plugin
 * is installed, so this scope parses forms itself: a repeated name (or `name[]`) becomes a list.
 */
export function registerFormParser(app: FastifyInstance) {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    const fields: Record<string, string | string[]> = {};
    for (const [name, value] of new URLSearchParams(body as string)) {
      const prior = fields[name];
      fields[name] = prior === undefined ? value : [...(Array.isArray(prior) ? prior : [prior]), value];
    }
    done(null, fields);
  });
}

export interface PostedRequest {
  /** Plain fields (service_code, lat, long, description, email …), as text. */
  fields: Record<string, string>;
  /** Answers to the service definition: `attribute[code]=v`, `attribute[code][]=v`, or JSON `attribute: {code: v}`. */
  attributes: AttributeAnswers;
}

const attributeName = /^attribute\[([^\]]+)\](\[\])?$/;
const text = (v: unknown) => (v === null || v === undefined ? undefined : typeof v === 'object' ? undefined : String(v));

/** Reads a posted request from a form or a JSON object, into fields and attribute answers. */
export function readPostedRequest(body: unknown): PostedRequest {
  const fields: Record<string, string> = {};
  const attributes: AttributeAnswers = {};
  const addAnswer = (code: string, value: unknown) => {
    const values = (Array.isArray(value) ? value : [value]).map(text).filter((v): v is string => v !== undefined);
    const prior = attributes[code];
    const all = [...(prior === undefined ? [] : Array.isArray(prior) ? prior : [prior]), ...values];
    attributes[code] = all.length === 1 && !Array.isArray(value) ? all[0]! : all;
  };
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
      const m = attributeName.exec(name);
      if (m) addAnswer(m[1]!, m[2] ? (Array.isArray(value) ? value : [value]) : value);
      else if (name === 'attribute' && value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [code, answer] of Object.entries(value)) addAnswer(code, answer);
      } else {
        const v = Array.isArray(value) ? text(value[value.length - 1]) : text(value);
        if (v !== undefined) fields[name] = v;
      }
    }
  }
  return { fields, attributes };
}
