/**
 * Site benchmarks, measured on the built static site in headless Chromium:
 * - lesson_js_gz_kb: gzipped JavaScript the bridges lesson loads before the
 *   lab starts (every script response until the network is idle);
 * - lab_start_to_prompt_s: "Start lab" click to a shell prompt on screen,
 *   with a cold cache (fresh profile), then warm (same profile, after reload);
 * - check_warmup_s: the background warm-up after Start exercise (see
 *   src/components/Exercise/grading.ts), waited for before the Checks;
 * - check_to_verdict_s: "Check" click to a verdict on the set-up exercise,
 *   median of 5 (the first Check after setup is reported separately).
 * Cold starts are the median of 3 fresh profiles.
 * Prints one JSON object per line: {"name","value","unit"}.
 */
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import type {Page} from 'playwright-core';
import {launch} from '../e2e/browser';
import {ensureBuild} from '../e2e/site';
import {serveStatic} from '../e2e/staticServer';
import {startLab as startLabIn} from '../e2e/terminal';
import {emit, median} from './stats';

const LESSON = '/learn/bridges';
const EXERCISE = 'section[data-exercise="bridges/two-namespaces"]';

async function gzippedKb(buildDir: string, urls: string[]): Promise<number> {
  let bytes = 0;
  for (const url of new Set(urls)) {
    const file = path.join(buildDir, decodeURIComponent(new URL(url).pathname));
    bytes += gzipSync(await readFile(file), {level: 9}).byteLength;
  }
  return bytes / 1024;
}

async function startLab(page: Page): Promise<number> {
  const t0 = performance.now();
  await startLabIn(page, 20);
  return (performance.now() - t0) / 1000;
}

async function checkOnce(page: Page): Promise<number> {
  const ex = page.locator(EXERCISE);
  const t0 = performance.now();
  await ex.getByRole('button', {name: 'Check', exact: true}).click();
  // A plain attribute poll: role queries from Node every few ms would take
  // main-thread time from the emulator and inflate the figure.
  await page.waitForFunction(
    (sel) =>
      !/^(checking|none)$/.test(document.querySelector(`${sel} [data-verdict]`)?.getAttribute('data-verdict') ?? ''),
    EXERCISE,
    {polling: 50, timeout: 0},
  );
  return (performance.now() - t0) / 1000;
}

const COLD_RUNS = 3;
const CHECK_RUNS = 5;

/** One fresh profile: the lesson's JavaScript, a cold Start lab, and (when asked) Checks and a warm start. */
async function session(baseUrl: string, buildDir: string, full: boolean): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {};
  const add = (name: string, v: number): void => void (out[name] ??= []).push(v);
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    const scripts: string[] = [];
    const onResponse = (r: {url(): string; request(): {resourceType(): string}}) => {
      if (r.request().resourceType() === 'script' && r.url().startsWith(baseUrl)) scripts.push(r.url());
    };
    page.on('response', onResponse);
    await page.goto(baseUrl + LESSON, {waitUntil: 'networkidle'});
    page.off('response', onResponse);
    add('lesson_js_gz_kb', await gzippedKb(buildDir, scripts));
    add('lab_start_to_prompt_cold_s', await startLab(page));
    if (!full) return out;
    const ex = page.locator(EXERCISE);
    await ex.getByRole('button', {name: 'Start exercise'}).click();
    await ex.getByText('The exercise is set up').waitFor({timeout: 0});
    // The page warms the emulator's JIT in the background while a learner
    // reads the task; a Check pressed earlier stops it and runs colder.
    const w0 = performance.now();
    await page.locator(`${EXERCISE}[data-warm="done"]`).waitFor({timeout: 0});
    add('check_warmup_s', (performance.now() - w0) / 1000);
    // The first Check may still be fetching the graders chunk; the rest are the steady state.
    add('check_to_verdict_first_s', await checkOnce(page));
    for (let i = 0; i < CHECK_RUNS; i++) add('check_to_verdict_s', await checkOnce(page));
    await page.reload({waitUntil: 'networkidle'});
    add('lab_start_to_prompt_warm_s', await startLab(page));
    return out;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const buildDir = await ensureBuild((l) => console.error(l));
  const server = await serveStatic(buildDir);
  const all: Record<string, number[]> = {};
  try {
    for (let run = 0; run < COLD_RUNS; run++) {
      for (const [k, v] of Object.entries(await session(server.url, buildDir, run === COLD_RUNS - 1)))
        (all[k] ??= []).push(...v);
    }
  } finally {
    await server.close();
  }
  // Medians: these machines are shared and noisy. Samples go to stderr.
  for (const [name, values] of Object.entries(all)) {
    console.error(`${name}: ${values.map((v) => v.toFixed(3)).join(' ')}`);
    emit(name, median(values), name.endsWith('_kb') ? 'KB' : 's');
  }
}

await main();
