/**
 * Site benchmarks, measured on the built static site in headless Chromium:
 * - lesson_js_gz_kb: gzipped JavaScript the bridges lesson loads before the
 *   lab starts (every script response until the network is idle);
 * - lab_start_to_prompt_s: "Start lab" click to a shell prompt on screen,
 *   with a cold cache (fresh profile), then warm (same profile, after reload);
 * - check_to_verdict_s: "Check" click to a verdict on the set-up exercise
 *   (the first Check after setup is reported separately).
 * Prints one JSON object per line: {"name","value","unit"}.
 */
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import type {Page} from 'playwright-core';
import {launch} from '../e2e/browser';
import {ensureBuild} from '../e2e/site';
import {serveStatic} from '../e2e/staticServer';
import {terminalInput, until, waitForLabReady, waitForPrompt} from '../e2e/terminal';

const LESSON = '/learn/bridges';
const EXERCISE = 'section[data-exercise="bridges/two-namespaces"]';

function emit(name: string, value: number, unit: string): void {
  console.log(JSON.stringify({name, value: Number(value.toFixed(unit === 'KB' ? 1 : 3)), unit}));
}

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
  await page.getByRole('button', {name: 'Start lab'}).click();
  await waitForLabReady(page);
  await terminalInput(page).waitFor({state: 'visible', timeout: 0});
  // The lab wakes each shell with an Enter once the VM is ready; a prompt on
  // screen is what the learner sees as "usable".
  await waitForPrompt(page, 20);
  return (performance.now() - t0) / 1000;
}

async function checkOnce(page: Page): Promise<number> {
  const ex = page.locator(EXERCISE);
  const results = ex.getByRole('status', {name: 'Check results'});
  const t0 = performance.now();
  await ex.getByRole('button', {name: 'Check', exact: true}).click();
  await until(async () => !/^(checking|none)$/.test((await results.getAttribute('data-verdict')) ?? ''), 10);
  return (performance.now() - t0) / 1000;
}

async function main(): Promise<void> {
  const buildDir = await ensureBuild((l) => console.error(l));
  const server = await serveStatic(buildDir);
  const session = await launch();
  try {
    const page = await session.context.newPage();
    const scripts: string[] = [];
    const onResponse = (r: {url(): string; request(): {resourceType(): string}}) => {
      if (r.request().resourceType() === 'script' && r.url().startsWith(server.url)) scripts.push(r.url());
    };
    page.on('response', onResponse);
    await page.goto(server.url + LESSON, {waitUntil: 'networkidle'});
    page.off('response', onResponse);
    emit('lesson_js_gz_kb', await gzippedKb(buildDir, scripts), 'KB');

    emit('lab_start_to_prompt_cold_s', await startLab(page), 's');
    const ex = page.locator(EXERCISE);
    await ex.getByRole('button', {name: 'Start exercise'}).click();
    await ex.getByText('The exercise is set up').waitFor({timeout: 0});
    // The first Check may still be fetching the graders chunk; the second is the steady state.
    emit('check_to_verdict_first_s', await checkOnce(page), 's');
    emit('check_to_verdict_s', await checkOnce(page), 's');

    await page.reload({waitUntil: 'networkidle'});
    emit('lab_start_to_prompt_warm_s', await startLab(page), 's');
  } finally {
    await session.close();
    await server.close();
  }
}

await main();
