// The posters of `journeyc export --format svg|png` in $EXPORT_DIR
// (*.poster.svg, *.poster.png) render in Chromium to an image of the size
// they declare, and are not blank; each PNG has the SVG's size times the
// documented scale (2, less above 24 million pixels).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const dir = process.env.EXPORT_DIR;
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
assert.ok(dir, 'EXPORT_DIR must name the folder with the exports');
const posters = readdirSync(dir).filter((f) => f.endsWith('.poster.svg')).sort();

let browser;
before(async () => {
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
});
after(async () => {
  await browser?.close();
});

function svgSize(svg) {
  const w = Number(/<svg[^>]* width="([\d.]+)"/.exec(svg)[1]);
  const h = Number(/<svg[^>]* height="([\d.]+)"/.exec(svg)[1]);
  return { w, h };
}

/** Draws an image (data URL) in Chromium: its natural size and the share of
 * pixels that are not white, on a copy at most 800 px wide. */
async function look(url) {
  const page = await browser.newPage();
  try {
    await page.setContent('<body style="margin:0"></body>');
    return await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const scale = Math.min(1, 800 / img.naturalWidth);
      const c = document.createElement('canvas');
      c.width = Math.round(img.naturalWidth * scale);
      c.height = Math.round(img.naturalHeight * scale);
      const g = c.getContext('2d');
      g.fillStyle = '#fff';
      g.fillRect(0, 0, c.width, c.height);
      g.drawImage(img, 0, 0, c.width, c.height);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      let navy = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i] < 245 || d[i + 1] < 245 || d[i + 2] < 245) ink++;
        if (Math.abs(d[i] - 0x1f) < 6 && Math.abs(d[i + 1] - 0x3a) < 6 && Math.abs(d[i + 2] - 0x5f) < 6) navy++;
      }
      return { w: img.naturalWidth, h: img.naturalHeight, ink: ink / (d.length / 4), navy };
    }, url);
  } finally {
    await page.close();
  }
}

test('the harness sees a blank image (negative control)', async () => {
  const blank = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><rect width="300" height="200" fill="#fff"/></svg>';
  const r = await look(`data:image/svg+xml;base64,${Buffer.from(blank).toString('base64')}`);
  assert.equal(r.w, 300);
  assert.ok(r.ink < 0.01);
});

test('there are posters of the examples and the large journey', () => {
  assert.ok(posters.length >= 4, `posters: ${posters}`);
  assert.ok(posters.includes('large.poster.svg'));
});

for (const file of posters) {
  test(`${file} renders at its size, and so does its PNG`, async () => {
    const svg = readFileSync(join(dir, file), 'utf8');
    const { w, h } = svgSize(svg);
    assert.ok(svg.includes('@font-face{font-family:"DejaVu Sans"'), 'font embedded');
    const s = await look(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`);
    assert.equal(s.w, Math.round(w));
    assert.equal(s.h, Math.round(h));
    assert.ok(s.ink > 0.1, `only ${(s.ink * 100).toFixed(1)} % drawn`);
    assert.ok(s.navy > 100, 'no phase header');

    const pngFile = join(dir, file.replace(/\.svg$/, '.png'));
    assert.ok(existsSync(pngFile), 'no PNG');
    const png = readFileSync(pngFile);
    const pw = png.readUInt32BE(16);
    const ph = png.readUInt32BE(20);
    const scale = Math.min(2, Math.sqrt(24_000_000 / (w * h)));
    assert.ok(Math.abs(pw - w * scale) <= 1, `PNG ${pw} wide for ${w} × ${scale}`);
    assert.ok(Math.abs(ph - h * scale) <= 1, `PNG ${ph} high for ${h} × ${scale}`);
    const p = await look(`data:image/png;base64,${png.toString('base64')}`);
    assert.equal(p.w, pw);
    assert.ok(p.ink > 0.1, `PNG: only ${(p.ink * 100).toFixed(1)} % drawn`);
    assert.ok(p.navy > 100, 'PNG: no phase header');
  });
}
