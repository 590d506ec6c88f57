// Draws media/icon.png (128×128), the Marketplace icon: a page of the paper with a
// highlighted paragraph, on the IOM blue. Plain Node (zlib), so no image tool is needed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128;
const pixels = Buffer.alloc(size * size * 4);

function set(x, y, [r, g, b, a]) {
  const i = (y * size + x) * 4;
  pixels[i] = r;
  pixels[i + 1] = g;
  pixels[i + 2] = b;
  pixels[i + 3] = a;
}

function inRoundedRect(x, y, x0, y0, x1, y1, radius) {
  const cx = Math.min(Math.max(x, x0 + radius), x1 - radius);
  const cy = Math.min(Math.max(y, y0 + radius), y1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

const blue = [0, 51, 160, 255];
const white = [255, 255, 255, 255];
const grey = [176, 186, 204, 255];
const fold = [210, 218, 232, 255];
const amber = [255, 196, 0, 255];

for (let y = 0; y < size; y++) {
  for (let x = 0; x < size; x++) {
    let colour = [0, 0, 0, 0];
    if (inRoundedRect(x + 0.5, y + 0.5, 0, 0, size, size, 22)) colour = blue;
    // The page, with its top-right corner folded.
    const onPage = x >= 30 && x < 98 && y >= 18 && y < 110 && !(x - 80 > y - 18);
    if (onPage) colour = white;
    if (x >= 80 && x < 98 && y >= 18 && y < 36 && x - 80 <= y - 18) colour = fold;
    // Lines of text, one of them marked as the cited paragraph.
    for (const [top, right, mark] of [[44, 86, false], [54, 80, false], [66, 86, true], [76, 86, true], [88, 74, false]]) {
      if (y >= top && y < top + 5 && x >= 40 && x < right) colour = mark ? blue : grey;
    }
    if (x >= 34 && x < 37 && y >= 64 && y < 83) colour = amber;
    set(x, y, colour);
  }
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'ascii'), data])), 8 + data.length);
  return out;
}

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const raw = Buffer.alloc((size * 4 + 1) * size);
for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);

writeFileSync(
  new URL('../media/icon.png', import.meta.url),
  Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]),
);
