/**
 * Resume benchmarks, on the built static site in headless Chromium:
 * - save_s: Save click to "Saved" (the state copied, compressed in the save
 *   worker and written to IndexedDB), median of 3;
 * - save_longest_pause_ms: the longest main-thread task during those saves
 *   (v86 copies the state in one go: what a learner might feel as a hitch);
 * - saved_mb: the compressed state of a lab with one namespace added;
 * - resume_to_prompt_s: "Resume where you left off" click to a shell prompt
 *   on screen, after a reload (warm cache), median of 5.
 * Prints one JSON object per line: {"name","value","unit"}.
 */
import type {Page} from 'playwright-core';
import {launch} from '../e2e/browser';
import {ensureBuild} from '../e2e/site';
import {serveStatic} from '../e2e/staticServer';
import {run, startLab, terminalInput, until, waitForLabReady, waitForPrompt} from '../e2e/terminal';
import {emit, median} from './stats';

const LESSON = '/learn/bridges';
const SAVES = 3;
const RESUMES = 5;

async function savedAt(page: Page): Promise<number> {
  return Number(
    (await page
      .locator('[data-saved-at]')
      .getAttribute('data-saved-at')
      .catch(() => null)) ?? 0,
  );
}

/** Save click to "Saved"; returns seconds and the longest main-thread task meanwhile. */
async function saveOnce(page: Page): Promise<{seconds: number; longestMs: number; bytes: number}> {
  const before = await savedAt(page);
  await page.evaluate(() => {
    const w = window as unknown as {benchLongest: number};
    w.benchLongest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.benchLongest = Math.max(w.benchLongest, e.duration);
    }).observe({type: 'longtask'});
  });
  const t0 = performance.now();
  await page.getByRole('button', {name: 'Save', exact: true}).click();
  await until(async () => (await savedAt(page)) > before, 20);
  const seconds = (performance.now() - t0) / 1000;
  const longestMs = await page.evaluate(() => (window as unknown as {benchLongest: number}).benchLongest);
  const bytes = await page.evaluate(async () => {
    const r = indexedDB.open('netlab-saved-machines');
    const db = await new Promise<IDBDatabase>((resolve) => (r.onsuccess = () => resolve(r.result)));
    const get = db.transaction('machines').objectStore('machines').get(`meta:${location.pathname}`);
    return new Promise<number>((resolve) => (get.onsuccess = () => resolve((get.result as {bytes: number}).bytes)));
  });
  return {seconds, longestMs, bytes};
}

async function main(): Promise<void> {
  const server = await serveStatic(await ensureBuild((l) => console.error(l)));
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(server.url + LESSON, {waitUntil: 'networkidle'});
    await startLab(page);
    await run(page, 'ip netns add bench1');
    const saves = [];
    for (let i = 0; i < SAVES; i++) saves.push(await saveOnce(page));
    emit('save_s', median(saves.map((s) => s.seconds)), 's');
    emit('save_longest_pause_ms', median(saves.map((s) => s.longestMs)), 'ms');
    emit('saved_mb', saves[0].bytes / 2 ** 20, 'MB');
    const resumes: number[] = [];
    for (let i = 0; i < RESUMES; i++) {
      await page.reload({waitUntil: 'networkidle'});
      const t0 = performance.now();
      await page.getByRole('button', {name: 'Resume where you left off'}).click();
      await waitForLabReady(page);
      await terminalInput(page).waitFor({state: 'visible', timeout: 0});
      await waitForPrompt(page, 20);
      resumes.push((performance.now() - t0) / 1000);
    }
    console.error(`resume_to_prompt_s: ${resumes.map((v) => v.toFixed(3)).join(' ')}`);
    emit('resume_to_prompt_s', median(resumes), 's');
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
