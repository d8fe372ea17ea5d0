import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.js';
import { expectJsonError, expectXmlError } from './test-helpers.js';
import { expectValid, parseOpen311Xml } from './test-schemas.js';

const ctx = useTestApp();
const get = (url: string) => ctx.app.inject({ method: 'GET', url });

describe('Open311 discovery and services', () => {
  it('discovery names the GeoReport v2 endpoint and both formats, in JSON and XML', async () => {
    const json = await get('/open311/v2/discovery.json');
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expectValid('discovery', json.json());
    expect(json.json().endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', type: 'production', formats: ['text/xml', 'application/json'] });
    expect(json.json().endpoints[0].url).toMatch(/\/open311\/v2$/);
    const xml = await get('/open311/v2/discovery.xml');
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(xml.body.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const parsed = parseOpen311Xml(xml.body);
    expect(parsed.root).toBe('discovery');
    expectValid('discovery', parsed.body);
    expect(parsed.body).toEqual(json.json());
  });

  it('lists one realtime service per reportable type, grouped by class, with metadata where attributes exist', async () => {
    const res = await get('/open311/v2/services.json');
    expect(res.statusCode).toBe(200);
    const services = res.json() as Array<Record<string, unknown>>;
    expectValid('services', services);
    expect(services.length).toBeGreaterThan(30);
    expect(services.every((s) => typeof s.service_code === 'string' && String(s.service_code).length === 5 && s.type === 'realtime')).toBe(true);
    expect(services.find((s) => s.service_code === 'C0101')).toMatchObject({ service_name: '井盖缺失破损', group: '公用设施', metadata: true });
    expect(services.find((s) => s.service_code === 'S0501')).toMatchObject({ service_name: '噪声污染', metadata: true });
    expect(services.find((s) => s.service_code === 'E0101')).toMatchObject({ metadata: false });
    expect(services.some((s) => String(s.service_code).length === 3)).toBe(false);

    const xml = await get('/open311/v2/services.xml');
    const parsed = parseOpen311Xml(xml.body);
    expect(parsed.root).toBe('services');
    expect(xml.body).toContain('<service>');
    expectValid('services', parsed.body);
    expect(parsed.body).toEqual(services);
  });

  it('a service definition publishes the category attributes in order, with their list values', async () => {
    const res = await get('/open311/v2/services/C0101.json');
    expect(res.statusCode).toBe(200);
    expectValid('service-definition', res.json());
    const { attributes } = res.json();
    expect(attributes.map((a: { code: string }) => a.code)).toEqual(['cover_type', 'damage', 'count']);
    expect(attributes[0]).toMatchObject({ datatype: 'singlevaluelist', required: true, variable: true, description: '井盖类型（看井盖上的字样）', order: 1 });
    expect(attributes[0].values).toContainEqual({ key: 'rain', name: '雨水' });
    expect(attributes[2]).toMatchObject({ datatype: 'number', required: false });

    const noise = await get('/open311/v2/services/S0501.xml');
    const parsed = parseOpen311Xml(noise.body);
    expect(parsed.root).toBe('service_definition');
    expectValid('service-definition', parsed.body);
    const noiseAttributes = (parsed.body as { attributes: Array<{ code: string; variable: boolean; values?: unknown[] }> }).attributes;
    expect(noiseAttributes.find((a) => a.code === 'period')?.values).toHaveLength(3);
    expect(noiseAttributes.find((a) => a.code === 'night_work_notice')?.variable).toBe(false);

    const plain = await get('/open311/v2/services/E0101.json');
    expect(plain.json()).toEqual({ service_code: 'E0101', attributes: [] });
  });

  it('answers errors as the spec lists them, in the format asked, never as problem+json', async () => {
    expect(expectJsonError(await get('/open311/v2/services/X9999.json'), 404)).toContain('X9999');
    expect(expectXmlError(await get('/open311/v2/services/C01.xml'), 404)).toContain('C01');
    expectValid('errors', (await get('/open311/v2/services/X9999.json')).json());
    expectJsonError(await get('/open311/v2/services/C0101.html'), 404);
    expectJsonError(await get('/open311/v2/nothing.json'), 404);
    const xml = expectXmlError(await get('/open311/v2/nothing.xml'), 404);
    expect(xml).toMatch(/接口不存在.*No such endpoint/);
  });
});
