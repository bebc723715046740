/**
 * Files tab benchmarks, on the built site in headless Chromium (DNS page):
 * - files_tab_first_open_s: click on the Files tab to a loaded editor showing
 *   its first file (Monaco's chunks are fetched and parsed here);
 * - files_open_10kb_s: Open on a 10 KB file to its text in the editor,
 *   median of 7 (alternating two files, so each open is a fresh read);
 * - files_save_10kb_s: Ctrl+S to "Saved", median of 5.
 * Target (issue 14): opening a 10 KB file <= 1 s.
 * Prints one JSON object per line: {"name","value","unit"}.
 */
import type {Page} from 'playwright-core';
import {launch} from '../e2e/browser';
import {ensureBuild} from '../e2e/site';
import {serveStatic} from '../e2e/staticServer';
import {run, startLab} from '../e2e/terminal';
import {emit, median} from './stats';

const OPENS = 7;
const SAVES = 5;

/** Waits (polling in the page, cheaply) until the editor shows `path` and is not busy. */
async function shown(page: Page, path: string): Promise<void> {
  await page.waitForFunction(
    (p) => document.querySelector('[data-file-editor]')?.getAttribute('data-file-editor') === p,
    path,
    {polling: 20, timeout: 0},
  );
}

async function main(): Promise<void> {
  const buildDir = await ensureBuild((l) => console.error(l));
  const server = await serveStatic(buildDir);
  const browser = await launch();
  const samples: Record<string, number[]> = {};
  const add = (name: string, v: number) => void (samples[name] ??= []).push(v);
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/learn/dns`, {waitUntil: 'networkidle'});
    await startLab(page, 20);
    // Two 10 240-byte files of numbered config lines.
    await run(page, 'for f in a b; do seq 1 2000 | sed "s/^/key$f=/" | head -c 10240 > /root/ten-$f.conf; done');

    const panel = page.getByRole('tabpanel', {name: 'Files'});
    let t0 = performance.now();
    await page.getByRole('tab', {name: 'Files'}).click();
    await shown(page, '/etc/hosts');
    add('files_tab_first_open_s', (performance.now() - t0) / 1000);

    for (let i = 0; i < OPENS; i++) {
      const path = `/root/ten-${i % 2 ? 'b' : 'a'}.conf`;
      await panel.getByLabel('Path in the VM').fill(path);
      t0 = performance.now();
      await panel.getByRole('button', {name: 'Open'}).click();
      await shown(page, path);
      add('files_open_10kb_s', (performance.now() - t0) / 1000);
    }

    for (let i = 0; i < SAVES; i++) {
      await panel.locator('.view-lines').click();
      await page.keyboard.type('x');
      // So the "Saved at" of the previous save is gone before the clock starts.
      await panel.getByText('unsaved').waitFor();
      t0 = performance.now();
      await page.keyboard.press('Control+S');
      await panel.getByText('Saved at').waitFor({timeout: 0});
      add('files_save_10kb_s', (performance.now() - t0) / 1000);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  // Medians: these machines are shared and noisy. Samples go to stderr.
  for (const [name, values] of Object.entries(samples)) {
    console.error(`${name}: ${values.map((v) => v.toFixed(3)).join(' ')}`);
    emit(name, median(values), 's');
  }
}

await main();
