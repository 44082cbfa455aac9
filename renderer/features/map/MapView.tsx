import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { useStore } from '../../store';
import type { SimilarityMapPage } from '../../../shared/contract/similar';
import { mapPoints, type Point } from './mapPoints';

async function loadMap(): Promise<Point[]> {
  const all: Point[] = [];
  let offset: number | null = 0;
  while (offset !== null && all.length < 400_000) {
    const r = await api.invoke('similar.map', { offset, limit: 50_000 });
    if (!r.ok) throw new Error(r.error.message);
    const page: SimilarityMapPage = r.value;
    all.push(...mapPoints(page));
    offset = page.nextOffset;
  }
  return all;
}

const HUES: Record<string, number> = {};
function hueOf(cls: string | null): number {
  if (!cls) return 220;
  return (HUES[cls] ??= (Object.keys(HUES).length * 47) % 360);
}

/** 2D similarity map: canvas, wheel zoom, drag pan, hover to audition, shift-drag lasso to select. */
export default function MapView() {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [points, setPoints] = useState<Point[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const view = useRef({ scale: 1, tx: 0, ty: 0 });
  const lasso = useRef<Array<[number, number]>>([]);
  const hovered = useRef<number | null>(null);

  useEffect(() => {
    loadMap().then(setPoints, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  useEffect(() => {
    const c = canvas.current;
    if (!c || !points) return;
    const g = c.getContext('2d');
    if (!g) return;
    const fit = () => {
      c.width = c.clientWidth;
      c.height = c.clientHeight;
    };
    fit();
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const minX = Math.min(...xs),
      maxX = Math.max(...xs),
      minY = Math.min(...ys),
      maxY = Math.max(...ys);
    const toScreen = (p: Point): [number, number] => {
      const v = view.current;
      const nx = (p.x - minX) / (maxX - minX || 1);
      const ny = (p.y - minY) / (maxY - minY || 1);
      return [
        (nx * (c.width - 40) + 20) * v.scale + v.tx,
        (ny * (c.height - 40) + 20) * v.scale + v.ty,
      ];
    };
    const draw = () => {
      g.clearRect(0, 0, c.width, c.height);
      for (const p of points) {
        const [x, y] = toScreen(p);
        g.fillStyle = `hsl(${hueOf(p.cls)} 70% 60%)`;
        g.fillRect(x - 2, y - 2, 4, 4);
      }
      if (lasso.current.length > 1) {
        g.strokeStyle = '#fff';
        g.beginPath();
        lasso.current.forEach(([x, y], i) => (i ? g.lineTo(x, y) : g.moveTo(x, y)));
        g.stroke();
      }
    };
    draw();
    let drag: { x: number; y: number; lasso: boolean } | null = null;
    const nearest = (mx: number, my: number): Point | null => {
      let best: Point | null = null;
      let bestD = 64;
      for (const p of points) {
        const [x, y] = toScreen(p);
        const d = (x - mx) ** 2 + (y - my) ** 2;
        if (d < bestD) {
          bestD = d;
          best = p;
        }
      }
      return best;
    };
    const inside = (x: number, y: number, poly: Array<[number, number]>) => {
      let hit = false;
      for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
        const [xi, yi] = poly[i]!;
        const [xj, yj] = poly[j]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
      }
      return hit;
    };
    const down = (e: PointerEvent) => {
      drag = { x: e.offsetX, y: e.offsetY, lasso: e.shiftKey };
      lasso.current = e.shiftKey ? [[e.offsetX, e.offsetY]] : [];
    };
    const move = (e: PointerEvent) => {
      if (drag?.lasso) {
        lasso.current.push([e.offsetX, e.offsetY]);
        draw();
      } else if (drag) {
        view.current.tx += e.offsetX - drag.x;
        view.current.ty += e.offsetY - drag.y;
        drag.x = e.offsetX;
        drag.y = e.offsetY;
        draw();
      } else {
        const p = nearest(e.offsetX, e.offsetY);
        if (p && p.id !== hovered.current) {
          hovered.current = p.id;
          useStore.getState().audition(p.id);
        }
        const row = p ? useStore.getState().rows.find((r) => r.id === p.id) : undefined;
        c.title = p ? `${row?.name ?? p.name}${p.cls ? ` (${p.cls})` : ''}` : '';
      }
    };
    const up = () => {
      if (drag?.lasso && lasso.current.length > 2) {
        const ids = points.filter((p) => inside(...toScreen(p), lasso.current)).map((p) => p.id);
        const s = useStore.getState();
        s.setScope({ type: 'all' });
        s.setFilters({ ...s.filters });
        s.say(`${ids.length} samples selected on the map`);
        useStore.setState({
          selection: { ids: new Set(ids), anchor: null, cursor: null, all: false },
        });
      }
      drag = null;
      lasso.current = [];
      draw();
    };
    const wheel = (e: WheelEvent) => {
      e.preventDefault();
      const k = Math.exp(-e.deltaY * 0.002);
      const v = view.current;
      v.tx = e.offsetX - (e.offsetX - v.tx) * k;
      v.ty = e.offsetY - (e.offsetY - v.ty) * k;
      v.scale *= k;
      draw();
    };
    c.addEventListener('pointerdown', down);
    c.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    c.addEventListener('wheel', wheel, { passive: false });
    return () => {
      c.removeEventListener('pointerdown', down);
      c.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      c.removeEventListener('wheel', wheel);
    };
  }, [points]);

  if (error) return <p className="error pad">{error}</p>;
  if (!points) return <p className="muted pad">Loading the map…</p>;
  if (points.length === 0)
    return (
      <div className="empty">
        <h2>The map is empty</h2>
        <p className="muted">Samples appear here once they are analysed.</p>
      </div>
    );
  return (
    <section className="map" aria-label="Similarity map">
      <p className="muted small pad">
        Hover to listen · drag to pan · wheel to zoom · shift-drag to lasso-select ({points.length}{' '}
        samples)
      </p>
      <canvas
        ref={canvas}
        className="map-canvas"
        aria-label="Similarity map of samples"
        role="img"
      />
    </section>
  );
}
