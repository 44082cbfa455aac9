import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../api/client';
import { ToggleButton } from '../../lib/ToggleButton';
import { useStore } from '../../store';
import type { SimilarityMapPage } from '../../../shared/contract/similar';
import { mapLegend, NO_CLASS_COLOUR } from './mapLegend';
import { LassoBar } from './LassoBar';
import { mapPoints, type Point } from './mapPoints';
import './map.css';

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

/**
 * 2D similarity map: canvas, wheel zoom, drag pan, hover to audition (the name shows beside
 * the point at once), a colour legend of the classes, and a lasso (shift-drag, or the Lasso
 * button) whose samples go to a collection or get tags.
 */
export default function MapView() {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [points, setPoints] = useState<Point[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const view = useRef({ scale: 1, tx: 0, ty: 0 });
  const lasso = useRef<Array<[number, number]>>([]);
  const hovered = useRef<number | null>(null);
  const label = useRef<HTMLDivElement>(null);
  const [lassoMode, setLassoMode] = useState(false);
  const lassoOn = useRef(false);
  useEffect(() => {
    lassoOn.current = lassoMode;
  }, [lassoMode]);
  const [picked, setPicked] = useState<number[] | null>(null);
  const legend = useMemo(() => (points ? mapLegend(points) : []), [points]);

  useEffect(() => {
    loadMap().then(setPoints, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  useEffect(() => {
    const c = canvas.current;
    if (!c || !points) return;
    const colourOf = new Map(legend.map((e) => [e.cls, e.colour]));
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
        g.fillStyle = colourOf.get(p.cls) ?? NO_CLASS_COLOUR;
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
    const showLabel = (p: Point | null) => {
      const el = label.current;
      if (!el) return;
      if (!p) {
        el.hidden = true;
        return;
      }
      const [x, y] = toScreen(p);
      el.textContent = p.cls ? `${p.name} · ${p.cls}` : p.name;
      el.hidden = false;
      // Beside the point, flipped to its left near the right edge.
      const right = x + 12 + el.offsetWidth > c.clientWidth;
      el.style.left = `${right ? x - 12 - el.offsetWidth : x + 12}px`;
      el.style.top = `${Math.max(0, y - 10)}px`;
    };
    const down = (e: PointerEvent) => {
      const lassoing = e.shiftKey || lassoOn.current;
      drag = { x: e.offsetX, y: e.offsetY, lasso: lassoing };
      lasso.current = lassoing ? [[e.offsetX, e.offsetY]] : [];
      showLabel(null);
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
        showLabel(p);
      }
    };
    const up = () => {
      if (drag?.lasso && lasso.current.length > 2) {
        const ids = points.filter((p) => inside(...toScreen(p), lasso.current)).map((p) => p.id);
        // The lassoed samples are the selection: Tag… and collections act on it.
        useStore.setState({
          selection: { ids: new Set(ids), anchor: null, cursor: null, all: false },
        });
        setPicked(ids);
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
    // The canvas follows its box (window size, a bar above it appearing): its bitmap is refit
    // and redrawn, so points stay where the pointer finds them.
    const resize = new ResizeObserver(() => {
      if (c.width === c.clientWidth && c.height === c.clientHeight) return;
      fit();
      draw();
    });
    resize.observe(c);
    const leave = () => {
      if (!drag) showLabel(null);
    };
    c.addEventListener('pointerdown', down);
    c.addEventListener('pointermove', move);
    c.addEventListener('pointerleave', leave);
    window.addEventListener('pointerup', up);
    c.addEventListener('wheel', wheel, { passive: false });
    return () => {
      c.removeEventListener('pointerdown', down);
      c.removeEventListener('pointermove', move);
      c.removeEventListener('pointerleave', leave);
      resize.disconnect();
      window.removeEventListener('pointerup', up);
      c.removeEventListener('wheel', wheel);
    };
  }, [points, legend]);

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
      <div className="map-bar">
        <p className="muted small">
          Hover to listen · drag to pan · wheel to zoom · shift-drag or Lasso to select (
          {points.length} samples)
        </p>
        <ToggleButton pressed={lassoMode} onToggle={setLassoMode}>
          Lasso
        </ToggleButton>
      </div>
      {picked && <LassoBar ids={picked} onClear={() => setPicked(null)} />}
      <div className="map-stage">
        <canvas
          ref={canvas}
          className={lassoMode ? 'map-canvas map-canvas--lasso' : 'map-canvas'}
          aria-label="Similarity map of samples"
          role="img"
        />
        <div
          ref={label}
          className="map-label"
          role="status"
          aria-label="Point under the pointer"
          hidden
        />
        <ul className="map-legend" aria-label="Colours: instrument classes">
          {legend.map((e) => (
            <li key={e.cls ?? ''} data-class={e.cls ?? ''}>
              <span className="map-swatch" style={{ background: e.colour }} aria-hidden />
              {e.cls ?? 'no class'}
              <span className="muted"> {e.count}</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
