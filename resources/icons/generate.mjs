// Regenerates the app icons and the drag icon with plain Node (no image tools):
// a rounded dark tile with a waveform of bars. Run: node resources/icons/generate.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const here = new URL('.', import.meta.url);
const BG = [0x16, 0x18, 0x1d];
const ACCENT = [0xff, 0x7a, 0x3d];
const BARS = [0.12, 0.26, 0.42, 0.6, 0.36, 0.7, 0.48, 0.3, 0.54, 0.22, 0.38, 0.16];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** An RGBA image as PNG bytes. */
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function inRoundRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Renders the icon at `size` px with 4x4 supersampling; coordinates are in 0..1. */
function render(size, { margin, radius, bgAlpha }) {
  const out = Buffer.alloc(size * size * 4);
  const ss = 4;
  const barW = ((1 - 2 * margin) * 0.72) / BARS.length;
  const gap = barW * 0.33;
  const total = BARS.length * barW + (BARS.length - 1) * gap;
  const left = 0.5 - total / 2;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size;
          const y = (py + (sy + 0.5) / ss) / size;
          if (!inRoundRect(x, y, margin, margin, 1 - margin, 1 - margin, radius)) continue;
          const i = Math.floor((x - left) / (barW + gap));
          const h = BARS[i];
          const inBar =
            h !== undefined &&
            x - left - i * (barW + gap) <= barW &&
            inRoundRect(
              x,
              y,
              left + i * (barW + gap),
              0.5 - h / 2,
              left + i * (barW + gap) + barW,
              0.5 + h / 2,
              barW / 2,
            );
          const [cr, cg, cb] = inBar ? ACCENT : BG;
          const ca = inBar ? 1 : bgAlpha;
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        out[o] = Math.round(r / a);
        out[o + 1] = Math.round(g / a);
        out[o + 2] = Math.round(b / a);
      }
      out[o + 3] = Math.round((a / (ss * ss)) * 255);
    }
  }
  return png(size, out);
}

/** A Windows .ico holding PNG images (Vista and later read PNG entries). */
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const e = Buffer.alloc(16);
    e[0] = size >= 256 ? 0 : size;
    e[1] = size >= 256 ? 0 : size;
    e.writeUInt16LE(1, 4); // planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

const app = { margin: 0.0625, radius: 0.175, bgAlpha: 1 };
const icoImages = [];
for (const size of [1024, 512, 256, 128, 64, 48, 32, 16]) {
  const data = render(size, app);
  writeFileSync(new URL(size === 1024 ? 'icon.png' : `${size}x${size}.png`, here), data);
  if (size <= 256) icoImages.push({ size, data });
}
writeFileSync(new URL('icon.ico', here), ico(icoImages.reverse()));
// The image under the pointer while samples are dragged out to a DAW.
writeFileSync(new URL('drag.png', here), render(64, { margin: 0.03, radius: 0.2, bgAlpha: 0.82 }));
console.log('icons written to resources/icons');
