import { shortDivisionName, type ArealGeometry, type FeatureCollection } from '@gongzhi/contracts';
import maplibregl, { type GeoJSONSource, type MapMouseEvent } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { boundsOf, declutter, placeLabels, withColours, type Bounds } from './geo';

export type Layer = 'streets' | 'communities' | 'grids';
type FC = FeatureCollection<{ code: string; name: string }>;

/** Case points: GET /cases/map (properties id, number, state, overdue, categoryName, priority). */
export interface CasePointCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: { type: 'Point'; coordinates: [number, number] }; properties: { id: string; number: string; state: string; overdue: boolean; categoryName: string; priority: string } }[];
}

export interface GovMapProps {
  county?: FC | null;
  streets?: FC | null;
  communities?: FC | null;
  grids?: FC | null;
  selectedGrid?: string | null;
  /** Fit the view to this collection whenever it changes. */
  focus?: FC | null;
  onPick?(layer: Layer, code: string): void;
  drawing?: boolean;
  onDrawn?(polygon: ArealGeometry): void;
  draft?: [number, number][] | null;
  onDraftChange?(points: [number, number][]): void;
  /** The case layer, coloured by state (`stateColours`), overdue cases ringed in red. */
  cases?: CasePointCollection | null;
  stateColours?: Record<string, string>;
  onPickCase?(id: string): void;
  /** A pin (a reported problem's place). */
  pin?: [number, number] | null;
  /** When set, a click places a point instead of picking a region. */
  onPoint?(lng: number, lat: number): void;
  /** Fly here (zoom 16) whenever it changes. */
  center?: [number, number] | null;
  testId?: string;
}

const empty: FC = { type: 'FeatureCollection', features: [] };
// An offline map: a plain background, no tiles and no glyph server (labels are HTML markers).
const style: maplibregl.StyleSpecification = { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#eef2f5' } }] };

export function GovMap(props: GovMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<maplibregl.Map | null>(null);
  const ready = useRef<Promise<void> | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const markers = useRef<maplibregl.Marker[]>([]);

  useEffect(() => {
    const m = new maplibregl.Map({ container: container.current!, style, center: [118.05, 36.8], zoom: 10, attributionControl: false });
    m.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    m.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    map.current = m;
    ready.current = new Promise((resolve) => m.on('load', () => {
      for (const id of ['county', 'streets', 'communities', 'grids', 'draft', 'cases'] as const) m.addSource(id, { type: 'geojson', data: empty });
      m.addLayer({ id: 'streets-fill', type: 'fill', source: 'streets', paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.55 } });
      m.addLayer({ id: 'streets-line', type: 'line', source: 'streets', paint: { 'line-color': '#7a8794', 'line-width': 1.2 } });
      m.addLayer({ id: 'communities-fill', type: 'fill', source: 'communities', paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.5 } });
      m.addLayer({ id: 'communities-line', type: 'line', source: 'communities', paint: { 'line-color': '#5c6b7a', 'line-width': 1 } });
      m.addLayer({ id: 'grids-fill', type: 'fill', source: 'grids', paint: { 'fill-color': ['case', ['==', ['get', 'code'], ''], '#c8102e', '#ffffff'], 'fill-opacity': ['case', ['==', ['get', 'code'], ''], 0.45, 0.25] } });
      m.addLayer({ id: 'grids-line', type: 'line', source: 'grids', paint: { 'line-color': '#2f54eb', 'line-width': 0.8 } });
      m.addLayer({ id: 'county-line', type: 'line', source: 'county', paint: { 'line-color': '#c8102e', 'line-width': 2.5 } });
      m.addLayer({ id: 'draft-fill', type: 'fill', source: 'draft', paint: { 'fill-color': '#fa8c16', 'fill-opacity': 0.35 } });
      m.addLayer({ id: 'draft-line', type: 'line', source: 'draft', paint: { 'line-color': '#fa541c', 'line-width': 2, 'line-dasharray': [2, 1] } });
      m.addLayer({ id: 'draft-points', type: 'circle', source: 'draft', paint: { 'circle-radius': 4, 'circle-color': '#fa541c' } });
      m.addLayer({ id: 'cases-points', type: 'circle', source: 'cases', paint: {
        'circle-radius': ['case', ['get', 'overdue'], 7, 6],
        'circle-color': ['coalesce', ['get', 'colour'], '#1677ff'],
        'circle-stroke-color': ['case', ['get', 'overdue'], '#f5222d', '#ffffff'],
        'circle-stroke-width': ['case', ['get', 'overdue'], 2.5, 1.5],
      } });
      resolve();
    }));
    const pickable = ['grids-fill', 'communities-fill', 'streets-fill'];
    m.on('click', (e: MapMouseEvent) => {
      const p = latest.current;
      if (p.drawing) return p.onDraftChange?.([...(p.draft ?? []), [e.lngLat.lng, e.lngLat.lat]]);
      if (p.onPoint) return p.onPoint(e.lngLat.lng, e.lngLat.lat);
      if (p.onPickCase && m.getLayer('cases-points')) {
        const box: [[number, number], [number, number]] = [[e.point.x - 5, e.point.y - 5], [e.point.x + 5, e.point.y + 5]];
        const c = m.queryRenderedFeatures(box, { layers: ['cases-points'] })[0];
        if (c) return p.onPickCase(String(c.properties.id));
      }
      const hit = m.queryRenderedFeatures(e.point, { layers: pickable.filter((l) => m.getLayer(l)) })[0];
      if (hit) p.onPick?.(hit.layer.id.replace('-fill', '') as Layer, String(hit.properties.code));
    });
    m.on('dblclick', (e) => {
      const p = latest.current;
      if (!p.drawing) return;
      e.preventDefault();
      const pts = p.draft ?? [];
      if (pts.length >= 3) p.onDrawn?.({ type: 'Polygon', coordinates: [[...pts, pts[0]!] as [number, number][]] });
    });
    for (const layer of [...pickable, 'cases-points']) {
      m.on('mouseenter', layer, () => (m.getCanvas().style.cursor = 'pointer'));
      m.on('mouseleave', layer, () => (m.getCanvas().style.cursor = ''));
    }
    return () => m.remove();
  }, []);

  const setData = (id: string, data: object) => void ready.current?.then(() => (map.current!.getSource(id) as GeoJSONSource).setData(data as never));
  useEffect(() => setData('county', props.county ?? empty), [props.county]);
  useEffect(() => setData('streets', withColours(props.streets ?? empty)), [props.streets]);
  useEffect(() => setData('communities', withColours(props.communities ?? empty)), [props.communities]);
  useEffect(() => setData('grids', props.grids ?? empty), [props.grids]);
  useEffect(() => {
    void ready.current?.then(() => {
      const m = map.current!;
      const selected = props.selectedGrid ?? '';
      m.setPaintProperty('grids-fill', 'fill-color', ['case', ['==', ['get', 'code'], selected], '#c8102e', '#ffffff']);
      m.setPaintProperty('grids-fill', 'fill-opacity', ['case', ['==', ['get', 'code'], selected], 0.45, 0.25]);
    });
  }, [props.selectedGrid]);
  useEffect(() => {
    const pts = props.draft ?? [];
    const features = [
      ...pts.map((p) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: p } })),
      ...(pts.length >= 3 ? [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...pts, pts[0]]] } }] : []),
      ...(pts.length === 2 ? [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: pts } }] : []),
    ];
    setData('draft', { type: 'FeatureCollection', features });
    void ready.current?.then(() => (props.drawing ? map.current!.doubleClickZoom.disable() : map.current!.doubleClickZoom.enable()));
  }, [props.draft, props.drawing]);
  useEffect(() => {
    const colours = props.stateColours ?? {};
    const fc = props.cases ?? { type: 'FeatureCollection', features: [] };
    setData('cases', { ...fc, features: fc.features.map((f) => ({ ...f, properties: { ...f.properties, colour: colours[f.properties.state] ?? '#1677ff' } })) });
  }, [props.cases, props.stateColours]);
  const pinMarker = useRef<maplibregl.Marker | null>(null);
  useEffect(() => {
    pinMarker.current?.remove();
    pinMarker.current = props.pin && map.current ? new maplibregl.Marker({ color: '#c8102e' }).setLngLat(props.pin).addTo(map.current) : null;
  }, [props.pin]);
  useEffect(() => {
    if (props.center) void ready.current?.then(() => map.current!.flyTo({ center: props.center!, zoom: Math.max(map.current!.getZoom(), 16), duration: 500 }));
  }, [props.center]);
  useEffect(() => {
    const b: Bounds | null = props.focus ? boundsOf(props.focus) : null;
    if (b) void ready.current?.then(() => map.current!.fitBounds(b, { padding: 40, duration: 500 }));
  }, [props.focus]);
  // labels: streets until one is chosen, then that street's communities
  useEffect(() => {
    markers.current.forEach((mk) => mk.remove());
    const source = props.communities?.features.length ? { fc: props.communities, cls: 'map-label' } : props.streets ? { fc: props.streets, cls: 'map-label street' } : null;
    if (!source || !map.current) return;
    markers.current = placeLabels(map.current, source.fc.features, (i) => shortDivisionName(source.fc.features[i]!.properties.name), source.cls);
    return declutter(map.current, markers.current);
  }, [props.streets, props.communities]);

  return <div ref={container} data-testid={props.testId ?? 'map'} style={{ position: 'absolute', inset: 0 }} />;
}
