import { XMLBuilder } from 'fast-xml-parser';

/**
 * GeoReport v2 JSON is the "Spark convention" mapping of its XML: a list in JSON is a wrapper element
 * in XML holding one element per item. These are the item names the spec uses for each list.
 */
const itemNames: Record<string, string> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  service_requests: 'request',
  errors: 'error',
  gongzhi_timeline: 'entry',
};

const builder = new XMLBuilder({ format: true, ignoreAttributes: true, suppressEmptyNode: false, processEntities: true });

function toXmlValue(key: string, value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    const item = itemNames[key] ?? 'item';
    return value.length ? { [item]: value.map((v) => toXmlValue(item, v)) } : '';
  }
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toXmlValue(k, v)]));
  return String(value);
}

/** One document: `root` is `services`, `service_requests`, `errors` (lists) or `discovery`, `service_definition`. */
export function xmlDocument(root: string, body: unknown): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [root]: toXmlValue(root, body) })}`;
}
