// Measures the schedule of the `venue` fixture in headless Chromium and writes what it
// saw as JSON; the assertions live in tests/timetable_browser.rs.
//
//   node tests/browser/timetable.mjs <manifest.json> <results.json>
//
// The manifest gives the server's origin, Chromium, axe-core's script and where to put
// screenshots. For English and Arabic, at 1280 and 360 px: the boxes of the room
// headings and of some cards, horizontal overflow, axe-core; then the filter script.

import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [manifestPath, resultsPath] = process.argv.slice(2);
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
const url = (p) => manifest.origin + p;
const CARDS = ['opening', 'open-budgets', 'mapping-workshop', 'data-clinic'];

const browser = await chromium.launch({
  executablePath: manifest.chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const results = { layout: {}, axe: {}, filter: {} };
fs.mkdirSync(manifest.artifacts, { recursive: true });

try {
  const page = await browser.newPage();
  for (const lang of ['en', 'ar']) {
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url(`/${lang}/sessions/`), { waitUntil: 'load' });
      results.layout[`${lang}-${width}`] = await page.evaluate((cards) => {
        const box = (el) => {
          if (!el) return null;
          const r = el.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
        };
        const day = document.querySelector('.schedule-day[data-day="2025-03-14"]');
        const e = document.documentElement;
        return {
          direction: getComputedStyle(e).direction,
          tableDisplay: getComputedStyle(day.querySelector('table')).display,
          rooms: Object.fromEntries([...day.querySelectorAll('thead th[data-room]')].map((th) => [th.dataset.room, box(th)])),
          cards: Object.fromEntries(cards.map((id) => [id, box(day.querySelector(`[data-session="${id}"]`))])),
          // The cell around each card: a session's extent in the grid.
          cells: Object.fromEntries(cards.map((id) => [id, box(day.querySelector(`[data-session="${id}"]`).closest('td'))])),
          scrollWidth: e.scrollWidth,
          clientWidth: e.clientWidth,
          wide: [...document.body.querySelectorAll('*')]
            .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.right > e.clientWidth + 1 || r.left < -1); })
            .slice(0, 5)
            .map((el) => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : '')),
          filterShown: !document.querySelector('form.schedule-filter').hidden,
          linksShown: !document.querySelector('.schedule-filter-links').hidden,
        };
      }, CARDS);
      await page.screenshot({ path: path.join(manifest.artifacts, `timetable-${lang}-${width}.png`), fullPage: true });
    }
  }

  // axe-core on every view of the schedule, wide and narrow.
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const p of manifest.pages) {
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url(p), { waitUntil: 'load' });
      await page.addScriptTag({ path: manifest.axe });
      results.axe[`${p} ${width}`] = await page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
      });
    }
  }

  // The filter: from the URL, then by choosing in the form.
  await page.setViewportSize({ width: 1280, height: 900 });
  const visible = () => page.evaluate(() => ({
    cards: [...document.querySelectorAll('[data-session]')].filter((c) => c.checkVisibility({ visibilityProperty: true })).map((c) => c.dataset.session),
    days: [...document.querySelectorAll('.schedule-day')].filter((d) => !d.hidden).map((d) => d.dataset.day),
    empty: !document.querySelector('.schedule-filter-empty').hidden,
    search: location.search,
  }));
  await page.goto(url('/en/sessions/?room=cedar'), { waitUntil: 'load' });
  results.filter.fromUrl = await visible();
  results.filter.fromUrlSelect = await page.locator('select[name="room"]').inputValue();
  await page.selectOption('select[name="room"]', '');
  await page.selectOption('select[name="format"]', 'talk');
  await page.selectOption('select[name="day"]', '2025-03-16');
  results.filter.chosen = await visible();
  await page.selectOption('select[name="track"]', 'practice');
  results.filter.none = await visible();
  await page.screenshot({ path: path.join(manifest.artifacts, 'timetable-filter-en.png') });
} finally {
  await browser.close();
}

fs.writeFileSync(resultsPath, JSON.stringify(results, null, 2));
