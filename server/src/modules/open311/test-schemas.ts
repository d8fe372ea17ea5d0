import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { XMLParser } from 'fast-xml-parser';
import { isW3cDateTime } from './attributes.js';

/** ajv with the Open311 schemas of ./schemas; date-time and uri are checked as the spec means them. */
const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addFormat('date-time', isW3cDateTime);
ajv.addFormat('uri', (v: string) => URL.canParse(v) && /^[a-z][a-z0-9+.-]*:/i.test(v));
const dir = path.join(import.meta.dirname, 'schemas');
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) ajv.addSchema(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')), file);

export type SchemaName = 'services' | 'service-definition' | 'requests' | 'discovery' | 'post-response' | 'tokens' | 'errors';

/** Throws with ajv's errors when `body` does not match the named schema. */
export function expectValid(name: SchemaName, body: unknown) {
  const validate = ajv.getSchema(`${name}.json`) as ValidateFunction;
  if (!validate(body)) throw new Error(`${name}.json: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`);
}

const listItems: Record<string, string> = {
  services: 'service', attributes: 'attribute', values: 'value', endpoints: 'endpoint', formats: 'format',
  service_requests: 'request', errors: 'error', gongzhi_timeline: 'entry',
};
const booleans = new Set(['metadata', 'variable', 'required']);
const numbers = new Set(['lat', 'long', 'order']);
const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (name) => Object.values(listItems).includes(name) });

function fromXml(key: string, node: unknown): unknown {
  if (key in listItems) {
    const items = node === '' ? [] : ((node as Record<string, unknown[]>)[listItems[key]!] ?? []);
    return items.map((item) => fromXml(listItems[key]!, item));
  }
  if (node !== null && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fromXml(k, v)]));
  if (node === '') return null;
  if (booleans.has(key)) return node === 'true';
  if (numbers.has(key) || (key === 'code' && /^\d+$/.test(String(node)))) return Number(node);
  return node;
}

/** Reads an Open311 XML document back into the JSON shape (the spec's "Spark convention"): root name and body. */
export function parseOpen311Xml(xml: string): { root: string; body: unknown } {
  const doc = parser.parse(xml) as Record<string, unknown>;
  const root = Object.keys(doc).find((k) => k !== '?xml')!;
  return { root, body: fromXml(root, doc[root]) };
}
