// The first load as a visitor's browser transfers it: bytes over the network (headers and bodies, compressed as
// sent) for a first visit with an empty cache, and for a repeat visit in the same browser — per page and per kind.
//
//   node scripts/measure-first-load.mjs http://127.0.0.1:5080 /login /public
//
// Chromium is Debian's (CHROMIUM_PATH, default /usr/bin/chromium); counts come from the DevTools protocol
// (Network.loadingFinished's encodedDataLength: 0 for what came from the cache).
import { chromium } from '@playwright/test';

const [base = 'http://127.0.0.1:5080', ...paths] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'],
});

async function visit(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const kinds = new Map();
  cdp.on('Network.responseReceived', (e) => kinds.set(e.requestId, { type: e.type, url: e.response.url }));
  const totals = { all: 0, script: 0, stylesheet: 0, document: 0, other: 0, scriptRequests: 0 };
  cdp.on('Network.loadingFinished', (e) => {
    const k = kinds.get(e.requestId);
    if (!k) return;
    const type = { Script: 'script', Stylesheet: 'stylesheet', Document: 'document' }[k.type] ?? 'other';
    totals.all += e.encodedDataLength;
    totals[type] += e.encodedDataLength;
    if (type === 'script' && e.encodedDataLength > 0) totals.scriptRequests += 1;
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(1_000); // the lazily loaded page's chunks and the last protocol events
  await page.close();
  return totals;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const path of paths.length ? paths : ['/login', '/public']) {
  const context = await browser.newContext();
  const first = await visit(context, base + path);
  const again = await visit(context, base + path);
  console.log(
    `${path}: first visit ${kb(first.all)} ` +
      `(JS ${kb(first.script)} in ${first.scriptRequests} files, CSS ${kb(first.stylesheet)}, ` +
      `HTML ${kb(first.document)}, other ${kb(first.other)}); repeat visit ${kb(again.all)} ` +
      `(JS ${kb(again.script)} in ${again.scriptRequests} files from the network)`,
  );
  await context.close();
}
await browser.close();
