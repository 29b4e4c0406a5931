// Measures the built site in headless Chromium and writes what it saw as JSON; the
// assertions live in tests/browser.rs, which serves the site and runs this script.
//
//   node tests/browser/run.mjs <manifest.json> <results.json>
//
// The manifest lists the server's origin, every page (URL path), the home pages, each
// page group's URL per language (for the switcher), where to put screenshots, and the
// path of axe-core's script.

import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [manifestPath, resultsPath] = process.argv.slice(2);
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
const url = (p) => manifest.origin + p;

const browser = await chromium.launch({
  executablePath: manifest.chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

// Pages measured at once: two tabs keep both cores busy.
const WORKERS = 2;

const results = { pages: {}, homes: {}, switcher: [], timings: {} };
let clock = Date.now();
const lap = (phase) => { const now = Date.now(); results.timings[phase] = now - clock; clock = now; };

try {
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const mobile = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await desktop.newPage();
  const small = await mobile.newPage();
  fs.mkdirSync(manifest.artifacts, { recursive: true });

  // Every page: direction, language, axe-core, the fallback notice, and horizontal
  // overflow once the same page is narrowed to 360 px.
  const workers = await Promise.all(Array.from({ length: WORKERS }, () => desktop.newPage()));
  await pool(manifest.pages, workers, measurePage);
  lap('pages');

  // Homes: where the first item of each navigation sits, and screenshots.
  for (const h of manifest.homes) {
    await page.goto(url(h.path), { waitUntil: 'load' });
    results.homes[h.lang] = await page.evaluate(() => {
      const measure = (selector) => {
        const list = document.querySelector(selector);
        const cs = getComputedStyle(list);
        const r = list.getBoundingClientRect();
        const content = {
          left: r.left + parseFloat(cs.paddingLeft) + parseFloat(cs.borderLeftWidth),
          right: r.right - parseFloat(cs.paddingRight) - parseFloat(cs.borderRightWidth),
        };
        const items = [...list.children].map((li) => { const b = li.getBoundingClientRect(); return { left: b.left, right: b.right, top: b.top }; });
        return { content, items };
      };
      return { nav: measure('.site-nav ul'), languages: measure('.languages ul'), column: measure('main').content };
    });
    await page.screenshot({ path: path.join(manifest.artifacts, `home-${h.lang}.png`), fullPage: true });
    await small.goto(url(h.path), { waitUntil: 'load' });
    await small.screenshot({ path: path.join(manifest.artifacts, `home-${h.lang}-360.png`), fullPage: true });
  }
  lap('homes');

  // The switcher: every ordered pair of languages of every page, followed by clicking.
  // One click leads on to the next (the complete graph of languages has an Euler
  // circuit), so a page is loaded by address only when a walk ends.
  await pool(manifest.switcher, workers, walkSwitcher);
  lap('switcher');
} finally {
  await browser.close();
}

fs.writeFileSync(resultsPath, JSON.stringify(results, null, 2));

// Runs `task(page, item)` over `items`, one item at a time per page.
async function pool(items, pages, task) {
  let next = 0;
  await Promise.all(pages.map(async (page) => {
    while (next < items.length) {
      const item = items[next++];
      await task(page, item);
    }
  }));
}

// Direction, language, the fallback notice and axe-core at 1280 px, then overflow at 360 px.
async function measurePage(page, p) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url(p.path), { waitUntil: 'load' });
  const facts = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    direction: getComputedStyle(document.documentElement).direction,
    bodyDirection: getComputedStyle(document.body).direction,
    contentLang: document.querySelector('.content')?.getAttribute('lang') ?? null,
  }));
  const notice = page.locator('.notice-fallback');
  const count = await notice.count();
  facts.notice = {
    count,
    visible: count === 1 && (await notice.isVisible()),
    box: count === 1 ? await notice.boundingBox() : null,
    text: count === 1 ? (await notice.innerText()).trim() : '',
  };
  if (count === 1) {
    await page.screenshot({ path: path.join(manifest.artifacts, `fallback-${facts.lang}.png`) });
  }
  await page.addScriptTag({ path: manifest.axe });
  facts.axe = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  await page.setViewportSize({ width: 360, height: 740 });
  facts.overflow = await page.evaluate(() => {
    const e = document.documentElement;
    const wide = [...document.body.querySelectorAll('*')]
      .filter((el) => { const r = el.getBoundingClientRect(); return r.right > e.clientWidth + 1 || r.left < -1; })
      .slice(0, 5)
      .map((el) => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : ''));
    return { scrollWidth: e.scrollWidth, clientWidth: e.clientWidth, wide };
  });
  results.pages[p.path] = facts;
}

// Follows every ordered pair of languages of one page group (language → URL path).
async function walkSwitcher(page, group) {
  const langs = Object.keys(group);
  const todo = new Set(langs.flatMap((a) => langs.filter((b) => b !== a).map((b) => `${a}>${b}`)));
  let current = null;
  while (todo.size > 0) {
    let next = current && langs.find((b) => todo.has(`${current}>${b}`));
    if (!next) {
      current = [...todo][0].split('>')[0];
      await page.goto(url(group[current]), { waitUntil: 'load' });
      next = langs.find((b) => todo.has(`${current}>${b}`));
    }
    todo.delete(`${current}>${next}`);
    const from = new URL(page.url()).pathname;
    const link = page.locator(`.languages a[hreflang="${next}"]`);
    if ((await link.count()) !== 1) {
      results.switcher.push({ from, target: next, landed: null, lang: null });
      current = null;
      continue;
    }
    await Promise.all([page.waitForURL((u) => u.pathname !== from), link.click()]);
    const landed = new URL(page.url()).pathname;
    const lang = await page.evaluate(() => document.documentElement.lang);
    results.switcher.push({ from, target: next, landed, lang });
    current = landed === group[next] ? next : null;
  }
}
