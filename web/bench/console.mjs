// ./dev bench-web: the console's own figures, in headless chromium against a local stack of its own.
//  1. initial JavaScript of each public page: every script the page loads before the network is idle, gzip -9
//     of the built file (what CloudFront's compression sends), per chunk and in all — the budget is 200 KB;
//  2. the public progress page: first contentful paint and the time until every chart is drawn (the page's
//     'charts-drawn' mark), each in a fresh browser context (cold cache), median of RUNS.
// Results on stdout and in web/artifacts/bench.json.
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromiumPath, startStack, ROOT } from '../tests/stack.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const BUDGET_KB = 200;
const PUBLIC_PAGES = ['/', '/progress', '/public-notices'];
const DIST = path.join(ROOT, 'web/dist');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (bytes) => (bytes / 1024).toFixed(1);

const stack = process.env.CONSOLE_URL ? { url: process.env.CONSOLE_URL, stop() {} } : await startStack();
const browser = await chromium.launch({ executablePath: chromiumPath() });
try {
  const pages = {};
  for (const route of PUBLIC_PAGES) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts = new Set();
    page.on('response', (r) => {
      const url = new URL(r.url());
      if (r.request().resourceType() === 'script' && url.origin === new URL(stack.url).origin) scripts.add(url.pathname);
    });
    await page.goto(stack.url + route, { waitUntil: 'networkidle' });
    const chunks = [...scripts].map((p) => {
      const bytes = readFileSync(path.join(DIST, p));
      return { chunk: p.replace(/^\/assets\//, ''), rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
    }).sort((a, b) => b.gzipBytes - a.gzipBytes);
    const gzipBytes = chunks.reduce((s, c) => s + c.gzipBytes, 0);
    pages[route] = { chunks, gzipBytes, withinBudget: gzipBytes <= BUDGET_KB * 1024 };
    await context.close();
  }

  const fcp = [];
  const charts = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.url}/progress`);
    await page.waitForFunction(() => performance.getEntriesByName('charts-drawn').length > 0, null, { timeout: 30_000 });
    const t = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      charts: performance.getEntriesByName('charts-drawn')[0].startTime,
    }));
    fcp.push(t.fcp);
    charts.push(t.charts);
    await context.close();
  }
  const progress = { runs: RUNS, firstContentfulPaintMs: { median: median(fcp), all: fcp }, chartsDrawnMs: { median: median(charts), all: charts } };

  for (const [route, p] of Object.entries(pages)) {
    console.log(`\ninitial JavaScript of ${route}: ${kb(p.gzipBytes)} KB gzip (budget ${BUDGET_KB} KB: ${p.withinBudget ? 'within' : 'OVER'})`);
    for (const c of p.chunks) console.log(`  ${c.chunk.padEnd(44)} ${kb(c.rawBytes).padStart(8)} KB  ${kb(c.gzipBytes).padStart(7)} KB gzip`);
  }
  console.log(`\n/progress, median of ${RUNS} cold loads: first contentful paint ${progress.firstContentfulPaintMs.median.toFixed(0)} ms, `
    + `charts drawn ${progress.chartsDrawnMs.median.toFixed(0)} ms`);
  mkdirSync(path.join(ROOT, 'web/artifacts'), { recursive: true });
  writeFileSync(path.join(ROOT, 'web/artifacts/bench.json'), JSON.stringify({ budgetKb: BUDGET_KB, pages, progress }, null, 2));
  if (Object.values(pages).some((p) => !p.withinBudget)) process.exitCode = 1;
} finally {
  await browser.close();
  stack.stop();
}
