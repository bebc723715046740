/**
 * The Topology tab's speed on the built site in headless Chromium, on the
 * VLAN lab (vlans/vlan-aware-bridge: the root namespace and h1-h4, a
 * VLAN-filtering bridge with four ports), solved by typing its solution:
 * - topology_open_first_s: Topology tab click, after the first Check, to the
 *   drawing on screen: the first layout, with the tab's code and elkjs's worker
 *   fetched in the background after that Check (Topology/store.ts) and the
 *   first mount of the panel;
 * - topology_open_after_check_s: the same after each further Check (median of 5),
 *   the tab having been left for the terminal in between;
 * - topology_layout_ms: state to drawing inside the page (layout + SVG), median.
 * Not bench/topology.ts: that one is bench:vm's list of VM commands.
 * Prints one JSON object per line: {"name","value","unit"}.
 */
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import type {Page} from 'playwright-core';
import {launch} from '../e2e/browser';
import {ensureBuild, REPO} from '../e2e/site';
import {serveStatic} from '../e2e/staticServer';
import {commandsOf, run, startLab} from '../e2e/terminal';
import {emit, median} from './stats';

const LESSON = '/learn/vlans';
const ID = 'vlans/vlan-aware-bridge';
const EXERCISE = `section[data-exercise="${ID}"]`;
const TOPOLOGY = 'section[aria-label="Lab"] [data-serial]';
const RUNS = 5;

async function check(page: Page): Promise<void> {
  await page.getByRole('tab', {name: 'Terminal 1'}).click();
  await page.locator(EXERCISE).getByRole('button', {name: 'Check', exact: true}).click();
  await page.waitForFunction(
    (sel) =>
      !/^(checking|none)$/.test(document.querySelector(`${sel} [data-verdict]`)?.getAttribute('data-verdict') ?? ''),
    EXERCISE,
    {polling: 50, timeout: 0},
  );
}

/** Seconds from the tab click to a drawing newer than the last one; and the page's own draw time. */
async function openTopology(page: Page): Promise<{s: number; ms: number}> {
  const before = Number(
    (await page
      .locator(TOPOLOGY)
      .getAttribute('data-serial')
      .catch(() => null)) ?? 0,
  );
  const t0 = performance.now();
  await page.getByRole('tab', {name: 'Topology'}).click();
  // A plain attribute poll, as in bench/site.ts: cheap for the page's main thread.
  await page.waitForFunction(
    ([sel, serial]) => {
      const el = document.querySelector(String(sel));
      if (el?.getAttribute('data-state') === 'error') throw new Error(el.textContent ?? 'topology error');
      return el?.getAttribute('data-state') === 'drawn' && Number(el.getAttribute('data-serial')) > Number(serial);
    },
    [TOPOLOGY, before] as const,
    {polling: 20, timeout: 0},
  );
  const s = (performance.now() - t0) / 1000;
  return {s, ms: Number(await page.locator(TOPOLOGY).getAttribute('data-draw-ms'))};
}

async function main(): Promise<void> {
  const server = await serveStatic(await ensureBuild((l) => console.error(l)));
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(server.url + LESSON, {waitUntil: 'networkidle'});
    await startLab(page, 20);
    const ex = page.locator(EXERCISE);
    await ex.getByRole('button', {name: 'Start exercise'}).click();
    await ex.getByText('The exercise is set up').waitFor({timeout: 0});
    await page.locator(`${EXERCISE}[data-warm="done"]`).waitFor({timeout: 0});
    const solution = await readFile(path.join(REPO, 'exercises', ID, 'solution.sh'), 'utf8');
    for (const command of commandsOf(solution)) await run(page, command);
    await check(page);
    const first = await openTopology(page);
    const opens: number[] = [];
    const layouts = [first.ms];
    for (let i = 0; i < RUNS; i++) {
      await check(page);
      const o = await openTopology(page);
      opens.push(o.s);
      layouts.push(o.ms);
    }
    console.error(`topology_open_after_check_s: ${opens.map((v) => v.toFixed(3)).join(' ')}`);
    console.error(`topology_layout_ms: ${layouts.join(' ')}`);
    emit('topology_open_first_s', first.s, 's');
    emit('topology_open_after_check_s', median(opens), 's');
    emit('topology_layout_ms', median(layouts), 'ms');
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
