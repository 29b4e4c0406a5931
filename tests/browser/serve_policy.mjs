// Loads pages from `hexaglot serve` in headless Chromium and reports what its
// Content-Security-Policy blocked; the assertions live in tests/serve_browser.rs.
//
//   node tests/browser/serve_policy.mjs <manifest.json> <results.json>
//
// The manifest gives the server's origin, Chromium, every HTML page of the site (URL
// path), the search page with a query, and a content file to edit to see the live
// reload (its path, a text to replace and its replacement).

import fs from 'node:fs';
import { chromium } from 'playwright-core';

const [manifestPath, resultsPath] = process.argv.slice(2);
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
const url = (p) => manifest.origin + p;

// Records every violation the page reports, from its first script on.
const RECORD = () => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
  });
};

const browser = await chromium.launch({
  executablePath: manifest.chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const results = { pages: {}, chooser: null, search: null, canary: null, reload: null };

try {
  // A French reader far from Geneva.
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Asia/Tokyo' });
  await context.addInitScript(RECORD);
  const tabs = await Promise.all([context.newPage(), context.newPage()]);
  const logs = new Map(tabs.map((t) => [t, []]));
  for (const tab of tabs) {
    tab.on('console', (m) => { if (m.type() === 'error') logs.get(tab).push(m.text()); });
    tab.on('pageerror', (e) => logs.get(tab).push(String(e)));
  }

  // Every page: its status, what the policy blocked, and the console's errors.
  let next = 0;
  await Promise.all(tabs.map(async (tab) => {
    while (next < manifest.pages.length) {
      const p = manifest.pages[next++];
      logs.get(tab).length = 0;
      const response = await tab.goto(url(p), { waitUntil: 'load' });
      await tab.waitForTimeout(50);
      results.pages[p] = {
        status: response.status(),
        violations: await tab.evaluate(() => window.__violations),
        console: [...logs.get(tab)],
      };
    }
  }));

  const tab = tabs[0];
  // The language chooser's inline script sends a French reader on to /fr/.
  logs.get(tab).length = 0;
  await tab.goto(url('/'), { waitUntil: 'load' });
  await tab.waitForURL(url('/fr/'), { timeout: 10000 }).catch(() => {});
  results.chooser = { url: tab.url(), violations: await tab.evaluate(() => window.__violations), console: [...logs.get(tab)] };

  // The search page fetches its index (connect-src) and shows results.
  logs.get(tab).length = 0;
  await tab.goto(url(manifest.search), { waitUntil: 'load' });
  await tab.locator('.search-results li').first().waitFor({ timeout: 10000 }).catch(() => {});
  results.search = {
    results: await tab.locator('.search-results li').count(),
    violations: await tab.evaluate(() => window.__violations),
    console: [...logs.get(tab)],
  };

  // Proof that the policy is enforced and that violations are seen: an inline handler
  // and a script element the page did not carry are refused.
  await tab.goto(url('/en/'), { waitUntil: 'load' });
  results.canary = await tab.evaluate(async () => {
    document.body.insertAdjacentHTML('beforeend', '<img src="/no-such-image.png" onerror="window.__ran = true">');
    const script = document.createElement('script');
    script.textContent = 'window.__ran = true';
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { ran: window.__ran === true, violations: window.__violations };
  });

  // Live reload: an edit of the page's source reloads it with the new text.
  logs.get(tab).length = 0;
  await tab.goto(url(manifest.reload.path), { waitUntil: 'load' });
  await tab.waitForSelector('html[data-hexaglot-live="connected"]', { timeout: 10000 });
  const reloaded = tab.waitForEvent('load', { timeout: 20000 }).then(() => true, () => false);
  const text = fs.readFileSync(manifest.reload.file, 'utf8');
  fs.writeFileSync(manifest.reload.file + '.tmp~', text.replace(manifest.reload.from, manifest.reload.to));
  fs.renameSync(manifest.reload.file + '.tmp~', manifest.reload.file);
  results.reload = {
    reloaded: await reloaded,
    text: await tab.locator('main').innerText().catch(() => ''),
    violations: await tab.evaluate(() => window.__violations),
    console: [...logs.get(tab)],
  };
} finally {
  await browser.close();
}

fs.writeFileSync(resultsPath, JSON.stringify(results, null, 2));
