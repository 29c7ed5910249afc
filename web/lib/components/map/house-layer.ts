// All houses on one canvas: 25 000 Leaflet markers take seconds to create, one
// canvas redraw takes milliseconds. Redrawn after every move or zoom and when the
// counts change; clicks find the nearest drawn house within a few pixels.
import type * as Leaflet from 'leaflet';
import type { HouseGeometry } from './map-types.js';
import { houseColour, houseRadius } from './colour.js';

export interface HouseLayer {
  setCounts(counts: Map<string, number>): void;
  remove(): void;
}

export function createHouseLayer(L: typeof Leaflet, map: Leaflet.Map, g: HouseGeometry, onClick: (id: string) => void): HouseLayer {
  const pane = map.getPane('houses') ?? map.createPane('houses');
  pane.style.zIndex = '410';
  pane.style.pointerEvents = 'none';
  const canvas = L.DomUtil.create('canvas', 'house-canvas', pane) as HTMLCanvasElement;
  const xs = new Float32Array(g.ids.length);
  const ys = new Float32Array(g.ids.length);
  const index = new Map(g.ids.map((id, i) => [id, i]));
  let counts = new Map<string, number>();

  function draw() {
    const size = map.getSize();
    const ratio = window.devicePixelRatio || 1;
    canvas.width = size.x * ratio;
    canvas.height = size.y * ratio;
    canvas.style.width = `${size.x}px`;
    canvas.style.height = `${size.y}px`;
    L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.fillStyle = houseColour(0);
    ctx.globalAlpha = 0.4;
    const r0 = map.getZoom() >= 14 ? 2.5 : 1.5;
    for (let i = 0; i < g.ids.length; i++) {
      const p = map.latLngToContainerPoint([g.lat[i], g.lon[i]]);
      xs[i] = p.x;
      ys[i] = p.y;
      if (p.x < -5 || p.y < -5 || p.x > size.x + 5 || p.y > size.y + 5 || counts.has(g.ids[i])) continue;
      ctx.fillRect(p.x - r0 / 2, p.y - r0 / 2, r0, r0);
    }
    ctx.globalAlpha = 0.9;
    // hottest last, so they stay on top
    const hot = [...counts].sort((a, b) => a[1] - b[1]);
    for (const [id, n] of hot) {
      const i = index.get(id);
      if (i === undefined) continue;
      ctx.beginPath();
      ctx.fillStyle = houseColour(n);
      ctx.arc(xs[i], ys[i], houseRadius(n), 0, Math.PI * 2);
      ctx.fill();
    }
  }

  function click(e: Leaflet.LeafletMouseEvent) {
    const { x, y } = e.containerPoint;
    let best = -1;
    let bestD = 64;
    for (let i = 0; i < xs.length; i++) {
      const d = (xs[i] - x) ** 2 + (ys[i] - y) ** 2;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    if (best >= 0) onClick(g.ids[best]);
  }

  map.on('moveend zoomend resize viewreset', draw);
  map.on('zoomstart', () => (canvas.style.visibility = 'hidden'));
  map.on('zoomend', () => (canvas.style.visibility = 'visible'));
  map.on('click', click);
  draw();
  return {
    setCounts(c) {
      counts = c;
      draw();
    },
    remove() {
      map.off('moveend zoomend resize viewreset', draw);
      map.off('click', click);
      canvas.remove();
    },
  };
}
