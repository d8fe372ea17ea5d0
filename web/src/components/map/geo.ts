import type { FeatureCollection } from '@gongzhi/contracts';
import maplibregl from 'maplibre-gl';

type Ring = number[][];
export type Bounds = [number, number, number, number];

export function boundsOf(fc: FeatureCollection<unknown>): Bounds | null {
  let b: Bounds | null = null;
  for (const f of fc.features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys) for (const [x, y] of poly[0] as Ring) {
      b = b ? [Math.min(b[0], x!), Math.min(b[1], y!), Math.max(b[2], x!), Math.max(b[3], y!)] : [x!, y!, x!, y!];
    }
  }
  return b;
}

/** Where to put a label: the centroid of the largest part's outer ring. */
export function labelPoint(geometry: FeatureCollection<unknown>['features'][number]['geometry']): [number, number] {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: [number, number] = [0, 0];
  let bestArea = -1;
  for (const poly of polys) {
    const ring = poly[0] as Ring;
    let a = 0, cx = 0, cy = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const cross = ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
      a += cross; cx += (ring[j]![0]! + ring[i]![0]!) * cross; cy += (ring[j]![1]! + ring[i]![1]!) * cross;
    }
    if (Math.abs(a) > bestArea && a !== 0) {
      bestArea = Math.abs(a);
      best = [cx / (3 * a), cy / (3 * a)];
    }
  }
  return best;
}

const palette = ['#f4a6a6', '#a6c8f4', '#b5e3b0', '#f7d59c', '#d4b8f0', '#9fded8', '#f2b8d8', '#c9d6a3', '#f0c2a0', '#a9b8e8', '#e6e09a', '#b8e0f0', '#e3b5b5'];

/** Gives each feature a soft fill colour of its own, as a property the map style reads. */
export function withColours<P extends object>(fc: FeatureCollection<P>): FeatureCollection<P & { colour: string }> {
  return { ...fc, features: fc.features.map((f, i) => ({ ...f, properties: { ...f.properties, colour: palette[i % palette.length]! } })) };
}

/** Text labels over areas as HTML markers (the maps are offline: no glyph server for symbol layers). */
export function placeLabels(map: maplibregl.Map, features: FeatureCollection<unknown>['features'], text: (i: number) => string, className: string): maplibregl.Marker[] {
  return features.map((f, i) => {
    const el = document.createElement('div');
    el.className = className;
    el.textContent = text(i);
    return new maplibregl.Marker({ element: el }).setLngLat(labelPoint(f.geometry)).addTo(map);
  });
}

/** Hides a label that would cover one placed before it (earlier labels win), again after every move and zoom; gives back the way to stop. */
export function declutter(map: maplibregl.Map, markers: maplibregl.Marker[]): () => void {
  const run = () => {
    const placed: DOMRect[] = [];
    for (const mk of markers) {
      const el = mk.getElement();
      const r = el.getBoundingClientRect();
      const covers = placed.some((p) => r.left < p.right && r.right > p.left && r.top < p.bottom && r.bottom > p.top);
      el.style.visibility = covers ? 'hidden' : 'visible';
      if (!covers) placed.push(r);
    }
  };
  run();
  map.on('moveend', run);
  return () => void map.off('moveend', run);
}
