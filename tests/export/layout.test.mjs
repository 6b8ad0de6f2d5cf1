// Drives headless Chromium (playwright-core, Debian's /usr/bin/chromium,
// no browser download) over every HTML map in $EXPORT_DIR at 1600, 1280
// and 390 px wide:
//   - at 390 px no element is wider than the viewport (nor the page);
//   - no text runs out of its touchpoint card, at every width;
//   - after scrolling down into the map the phase header is still on
//     screen, and after scrolling sideways the row labels are;
//   - no inner scrollbar hides part of the map;
//   - every touchpoint's copy (from the JSON export) is on the page;
//   - <html lang> is the language the labels are in.
// Screenshots go to $SCREEN_DIR. The large journey is also printed to PDF
// (A3 landscape) as $EXPORT_DIR/large.print.pdf for the pdftotext checks
// in scripts/test-export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const dir = process.env.EXPORT_DIR;
const screens = process.env.SCREEN_DIR || join(dir, 'screens');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
assert.ok(dir, 'EXPORT_DIR must name the folder with the exports');
mkdirSync(screens, { recursive: true });

// The maps to check: every HTML export that has a map and a JSON twin.
const pages = readdirSync(dir)
  .filter((f) => f.endsWith('.html') && existsSync(join(dir, f.replace(/\.html$/, '.json'))))
  .map((f) => f.replace(/\.html$/, ''))
  .sort();
const widths = [1600, 1280, 390];

let browser;
before(async () => {
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
});
after(async () => {
  await browser?.close();
});

const norm = (s) => s.replace(/\s+/g, ' ').trim();

/** Every `says` of every touchpoint of the journeys' phases. */
function copies(name) {
  const doc = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
  const inJourney = new Set(doc.journeys.flatMap((j) => j.phases));
  return doc.phases
    .filter((p) => inJourney.has(p.id))
    .flatMap((p) => p.touchpoints.flatMap((t) => t.says.map((s) => ({ id: t.id, text: norm(s) }))));
}

async function open(name, width) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`file://${join(dir, name + '.html')}`);
  return page;
}

test('the harness sees an overflow (negative control)', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 600 } });
  await page.setContent('<h1 style="width:200px">Averyveryverylongwordthatcannotbreakanywhereatallinthisheading</h1><div class="tp" style="width:100px"><div style="width:300px;white-space:nowrap">runs out</div></div>');
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide > 390);
  const text = await page.evaluate(() => {
    const r = document.createRange();
    r.selectNodeContents(document.querySelector('h1').firstChild);
    return r.getBoundingClientRect().right;
  });
  assert.ok(text > 390, 'a long word overflows its heading');
  const out = await page.evaluate(() => {
    const card = document.querySelector('.tp').getBoundingClientRect();
    return [...document.querySelectorAll('.tp *')].some((e) => e.getBoundingClientRect().right > card.right + 0.5);
  });
  assert.ok(out);
  await page.close();
});

test('there are maps to check, the large one among them', () => {
  assert.ok(pages.length >= 4, `pages: ${pages}`);
  assert.ok(pages.includes('large'), `no large map in ${pages}`);
});

for (const name of pages) {
  for (const width of widths) {
    test(`${name} at ${width} px`, async () => {
      const page = await open(name, width);
      try {
        await page.screenshot({ path: join(screens, `${name}-${width}.png`) });

        // <html lang> matches the labels.
        const lang = await page.evaluate(() => document.documentElement.lang);
        const label = await page.evaluate(() => document.querySelector('.map-block h2')?.textContent);
        assert.equal(label, lang === 'de' ? 'Journey Map' : 'Journey map', `lang=${lang}`);

        // No element wider than the viewport on a phone.
        if (width === 390) {
          const r = await page.evaluate(() => {
            const vw = document.documentElement.clientWidth;
            const bad = [];
            for (const el of document.querySelectorAll('body *')) {
              const b = el.getBoundingClientRect();
              if (b.width === 0 || b.height === 0) continue;
              if (b.right > vw + 0.5 || b.left < -0.5) {
                bad.push(`${el.tagName.toLowerCase()}.${el.className?.baseVal ?? el.className} ${Math.round(b.left)}–${Math.round(b.right)}`);
              }
            }
            // Text runs out of its element too (a long word in a heading).
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const range = document.createRange();
              range.selectNodeContents(n);
              for (const b of range.getClientRects()) {
                if (b.right > vw + 0.5 || b.left < -0.5) {
                  bad.push(`text in ${n.parentElement.tagName.toLowerCase()}: ${n.textContent.trim().slice(0, 40)}`);
                  break;
                }
              }
            }
            return { vw, scroll: document.documentElement.scrollWidth, bad };
          });
          assert.deepEqual(r.bad.slice(0, 5), [], `${r.bad.length} elements run off-screen`);
          assert.equal(r.scroll, r.vw, `the page is ${r.scroll} px wide`);
        }

        // No text outside its card.
        const spill = await page.evaluate(() => {
          const out = [];
          for (const card of document.querySelectorAll('.tp')) {
            const c = card.getBoundingClientRect();
            if (c.width === 0) continue;
            if (card.scrollWidth > card.clientWidth + 1) out.push(`${card.querySelector('.tp-title')?.textContent}: scrolls`);
            for (const el of card.querySelectorAll('*')) {
              const b = el.getBoundingClientRect();
              if (b.width === 0 || b.height === 0) continue;
              if (b.right > c.right + 0.5 || b.left < c.left - 0.5) {
                out.push(`${card.querySelector('.tp-title')?.textContent}: ${el.tagName.toLowerCase()}.${el.className} ${Math.round(b.right - c.right)} px out`);
                break;
              }
            }
          }
          return out;
        });
        assert.deepEqual(spill.slice(0, 5), [], `${spill.length} cards with text outside`);

        // No inner scrollbar hides part of the page.
        const scrollers = await page.evaluate(() =>
          [...document.querySelectorAll('body *')]
            .filter((el) => {
              const s = getComputedStyle(el);
              return ['auto', 'scroll', 'hidden'].includes(s.overflowX) && el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'svg';
            })
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
        );
        assert.deepEqual(scrollers, [], 'inner scroll containers');

        // Every touchpoint's copy is there.
        const text = norm(await page.evaluate(() => [...document.querySelectorAll('.map .tp')].map((e) => e.textContent).join(' ')));
        const missing = copies(name).filter((c) => !text.includes(c.text));
        assert.deepEqual(missing.slice(0, 3), [], `${missing.length} copies missing`);

        // Scroll down into the map (to its last card): the phase header stays on screen.
        const stuck = await page.evaluate(async () => {
          const cards = [...document.querySelectorAll('.map .tp')].filter((c) => c.getBoundingClientRect().width > 0);
          const card = cards[cards.length - 1];
          if (!card) return { skipped: true };
          const r = card.getBoundingClientRect();
          window.scrollTo(0, window.scrollY + r.top - innerHeight / 2);
          await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
          const heads = [...document.querySelectorAll('.phase-head')].filter((h) => {
            const b = h.getBoundingClientRect();
            return b.width > 0 && b.left < innerWidth && b.right > 0;
          });
          const h = heads[heads.length - 1].getBoundingClientRect();
          const x = Math.min(Math.max(h.left + 8, 1), innerWidth - 2);
          const at = document.elementFromPoint(x, 4);
          return { scrolled: window.scrollY, top: h.top, onTop: !!at?.closest('.phase-head') };
        });
        if (!stuck.skipped) {
          assert.ok(stuck.scrolled > 300, `scrolled only ${stuck.scrolled} px`);
          assert.ok(stuck.onTop, `no phase header at the top after scrolling (${JSON.stringify(stuck)})`);
        }
        await page.screenshot({ path: join(screens, `${name}-${width}-scrolled.png`) });

        // Scroll sideways (when the map is wider than the screen): the row labels stay.
        const side = await page.evaluate(async () => {
          const wide = document.documentElement.scrollWidth > innerWidth + 1;
          if (!wide) return { wide };
          window.scrollTo(document.documentElement.scrollWidth, window.scrollY);
          await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
          const label = [...document.querySelectorAll('.map tbody th.row-label')].find((l) => {
            const b = l.getBoundingClientRect();
            return b.top > 120 && b.bottom < innerHeight;
          });
          if (!label) return { wide, label: false };
          const b = label.getBoundingClientRect();
          const at = document.elementFromPoint(4, b.top + 4);
          return { wide, label: true, left: b.left, onLeft: !!at?.closest('th.row-label') };
        });
        if (side.wide && side.label) {
          assert.ok(side.onLeft, `row labels scrolled away (${JSON.stringify(side)})`);
          await page.screenshot({ path: join(screens, `${name}-${width}-sideways.png`) });
        }
        if (width === 390) {
          assert.equal(side.wide, false, 'the phone layout scrolls sideways');
        }
      } finally {
        await page.close();
      }
    });
  }
}

test('the large map prints to A3 landscape with the phase header repeated', async () => {
  const page = await open('large', 1600);
  try {
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: join(dir, 'large.print.pdf'), format: 'A3', landscape: true, printBackground: true });
  } finally {
    await page.close();
  }
  assert.ok(existsSync(join(dir, 'large.print.pdf')));
});

test('the example maps print too', async () => {
  for (const name of pages.filter((n) => n !== 'large')) {
    const page = await open(name, 1600);
    try {
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: join(dir, `${name}.print.pdf`), format: 'A3', landscape: true, printBackground: true });
    } finally {
      await page.close();
    }
  }
});
