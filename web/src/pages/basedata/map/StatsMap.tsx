import type { FeatureCollection } from '@gongzhi/contracts';
import maplibregl, { type GeoJSONSource, type MapMouseEvent } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { boundsOf, declutter, placeLabels } from '../../../components/map/geo';
import type { BuildingPoints } from '../types';

type Areas = FeatureCollection<{ code: string; name: string }>;
/** Areas with their fill colour; a `label` is written over the area (the dashboard's regions, not the base data's many grids). */
export type ColouredGrids = FeatureCollection<{ code: string; name: string; colour: string; label?: string }>;

interface Props {
  county: Areas | null;
  streets: Areas | null;
  /** The grids, each with the fill colour of its class. */
  grids: ColouredGrids | null;
  buildings: BuildingPoints | null;
  selectedGrid: string | null;
  onPickGrid(code: string): void;
  onPickBuilding(id: string): void;
  /** the command centre's wall: a dark ground with light lines */
  dark?: boolean;
}

const empty = { type: 'FeatureCollection', features: [] };
// offline like GovMap: a plain background, no tiles, no glyphs
const styleOf = (ground: string): maplibregl.StyleSpecification => ({ version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': ground } }] });
const light = { ground: '#eef2f5', grid: '#8c9aa8', selected: '#1f2937', street: '#5c6b7a', county: '#c8102e', label: 'map-label' };
const dark = { ground: '#0a1628', grid: '#0a1628', selected: '#ffffff', street: '#7fa7d9', county: '#4fc3f7', label: 'map-label dark' };

/**
 * The base data map: grids filled by an indicator (a choropleth), street and district outlines, and a
 * point per building. GovMap draws grids in one colour and has no building layer, so this map is
 * its own; it keeps GovMap's offline style and its geometry helpers.
 */
export function StatsMap(props: Props) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<maplibregl.Map | null>(null);
  const ready = useRef<Promise<void> | null>(null);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const look = props.dark ? dark : light;
    const m = new maplibregl.Map({ container: container.current!, style: styleOf(look.ground), center: [118.05, 36.8], zoom: 10, attributionControl: false });
    m.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    m.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    map.current = m;
    ready.current = new Promise((resolve) => m.on('load', () => {
      for (const id of ['county', 'streets', 'grids', 'buildings'] as const) m.addSource(id, { type: 'geojson', data: empty as never });
      m.addLayer({ id: 'grids-fill', type: 'fill', source: 'grids', paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.85 } });
      m.addLayer({ id: 'grids-line', type: 'line', source: 'grids', paint: { 'line-color': look.grid, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.2, 14, 0.8] } });
      m.addLayer({ id: 'grids-selected', type: 'line', source: 'grids', filter: ['==', ['get', 'code'], ''], paint: { 'line-color': look.selected, 'line-width': 2.5 } });
      m.addLayer({ id: 'streets-line', type: 'line', source: 'streets', paint: { 'line-color': look.street, 'line-width': 1.2 } });
      m.addLayer({ id: 'county-line', type: 'line', source: 'county', paint: { 'line-color': look.county, 'line-width': 2.5 } });
      m.addLayer({ id: 'buildings-points', type: 'circle', source: 'buildings', paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 1.5, 14, 4, 17, 7],
        'circle-color': '#1d39c4',
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 10, 0, 14, 1],
      } });
      resolve();
    }));
    m.on('click', (e: MapMouseEvent) => {
      const box: [[number, number], [number, number]] = [[e.point.x - 4, e.point.y - 4], [e.point.x + 4, e.point.y + 4]];
      const building = m.queryRenderedFeatures(box, { layers: ['buildings-points'] })[0];
      if (building) return latest.current.onPickBuilding(String(building.properties.id));
      const grid = m.queryRenderedFeatures(e.point, { layers: ['grids-fill'] })[0];
      if (grid) latest.current.onPickGrid(String(grid.properties.code));
    });
    for (const layer of ['grids-fill', 'buildings-points']) {
      m.on('mouseenter', layer, () => (m.getCanvas().style.cursor = 'pointer'));
      m.on('mouseleave', layer, () => (m.getCanvas().style.cursor = ''));
    }
    return () => m.remove();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- the look is chosen once, when the map is made

  const setData = (id: string, data: object | null) => void ready.current?.then(() => (map.current!.getSource(id) as GeoJSONSource).setData((data ?? empty) as never));
  useEffect(() => setData('county', props.county), [props.county]);
  useEffect(() => setData('streets', props.streets), [props.streets]);
  useEffect(() => setData('grids', props.grids), [props.grids]);
  // written labels over the areas that carry one, in their order (the first wins where two would overlap)
  useEffect(() => {
    const labelled = (props.grids?.features ?? []).filter((f) => f.properties.label);
    let markers: maplibregl.Marker[] = [];
    let stop = () => undefined as void;
    let live = true;
    void ready.current?.then(() => {
      if (!live) return;
      markers = placeLabels(map.current!, labelled, (i) => labelled[i]!.properties.label!, props.dark ? dark.label : light.label);
      stop = declutter(map.current!, markers);
    });
    return () => {
      live = false;
      stop();
      markers.forEach((mk) => mk.remove());
    };
  }, [props.grids, props.dark]);
  useEffect(() => setData('buildings', props.buildings), [props.buildings]);
  useEffect(() => {
    void ready.current?.then(() => map.current!.setFilter('grids-selected', ['==', ['get', 'code'], props.selectedGrid ?? '']));
  }, [props.selectedGrid]);
  // fit to the grids once they come (the jurisdiction), else to the district
  const fitted = useRef<string | null>(null);
  useEffect(() => {
    const fc = props.grids?.features.length ? props.grids : props.county;
    const b = fc ? boundsOf(fc) : null;
    const key = b?.join(',') ?? null;
    if (b && key !== fitted.current) {
      fitted.current = key;
      void ready.current?.then(() => map.current!.fitBounds(b, { padding: 40, duration: 0, maxZoom: 16 }));
    }
  }, [props.grids, props.county]);

  return <div ref={container} data-testid="stats-map" style={{ position: 'absolute', inset: 0 }} />;
}
