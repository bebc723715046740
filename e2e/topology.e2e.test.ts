/**
 * The Topology tab as a learner uses it, in real Chromium on the built site:
 * open the bridges lesson, start the lab and the exercise, look at the
 * drawing of the start state, solve the exercise in the terminal, Check, and
 * find red, blue and br0 drawn, with what changed outlined and the routes on
 * hover. Screenshots in both themes under test-results/.
 */
import {mkdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import type {Locator, Page} from 'playwright-core';
import {beforeAll, describe, expect, it} from 'vitest';
import {useSite} from './fixture';
import {REPO} from './site';
import {commandsOf, run, terminalInput, until} from './terminal';

const EXERCISE = 'bridges/two-namespaces';
const SCREENSHOT = path.join(REPO, 'test-results', 'topology-bridges.png');

const site = useSite({open: '/learn/bridges', startLab: true});
// Filled in by useSite's hook, which runs first.
let page: Page;
beforeAll(() => {
  page = site.page;
});

const lab = () => page.locator('section[aria-label="Lab"]');
const topology = () => lab().locator('[data-serial]');
const exercise = () => page.locator(`section[data-exercise="${EXERCISE}"]`);

/** Waits until the tab shows a drawing newer than `serial`, and returns its serial. */
async function drawnAfter(serial: number): Promise<number> {
  await until(async () => {
    const el = topology();
    if ((await el.count()) === 0) return false;
    const state = await el.getAttribute('data-state');
    if (state === 'error') throw new Error(`the topology failed: ${await el.innerText()}`);
    return state === 'drawn' && Number(await el.getAttribute('data-serial')) > serial;
  });
  return Number(await topology().getAttribute('data-serial'));
}

function svgText(svg: Locator): Promise<string[]> {
  return svg.locator('text').allTextContents();
}

describe('the Topology tab', () => {
  let serial = 0;

  it('opens from the keyboard and draws the start state', async () => {
    await exercise().getByRole('button', {name: 'Start exercise'}).click();
    await exercise().getByText('The exercise is set up').waitFor({timeout: 0});
    // Arrow keys move along the tabs (Terminal 1, Terminal 2, Topology, Files, and wrap):
    // from the Terminal 2 tab, focused but not selected, right is Topology.
    await page.getByRole('tab', {name: 'Terminal 2'}).focus();
    await page.keyboard.press('ArrowRight');
    const tab = page.getByRole('tab', {name: 'Topology'});
    expect(await tab.getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Topology');
    serial = await drawnAfter(0);
    const texts = await svgText(topology().locator('svg'));
    expect(texts).toContain('root namespace');
    await expect(topology().getByRole('status').innerText()).resolves.toMatch(/First drawing/);
  });

  it('redraws after the Check of the solved exercise, with red, blue and br0', async () => {
    await page.getByRole('tab', {name: 'Terminal 1'}).click();
    await terminalInput(page).waitFor({state: 'visible'});
    const solution = await readFile(path.join(REPO, 'exercises', EXERCISE, 'solution.sh'), 'utf8');
    for (const command of commandsOf(solution)) await run(page, command);
    const results = exercise().getByRole('status', {name: 'Check results'});
    await exercise().getByRole('button', {name: 'Check', exact: true}).click();
    await until(async () => !/^(checking|none)$/.test((await results.getAttribute('data-verdict')) ?? ''));
    expect(await results.getAttribute('data-verdict'), await results.innerText()).toBe('passed');

    await page.getByRole('tab', {name: 'Topology'}).click();
    serial = await drawnAfter(serial);
    const svg = topology().locator('svg');
    const texts = await svgText(svg);
    for (const name of ['netns red', 'netns blue', 'br0', 'veth-red', 'veth-blue', '10.0.0.1/24', '10.0.0.2/24'])
      expect(texts, name).toContain(name);
    await expect(topology().getByRole('status').innerText()).resolves.toMatch(/From your Check .* changes? since/);
    // What the solution added is outlined; the two cables are drawn and up.
    expect(await svg.locator('.nlt-changed').count()).toBeGreaterThan(0);
    expect(await svg.locator('path.nlt-veth:not(.nlt-down)').count()).toBe(2);
    // Routes on hover: the namespace box's <title>.
    const red = svg.locator('g[data-id="ns:red"] > title');
    await expect(red.textContent()).resolves.toContain('10.0.0.0/24 dev eth0');

    // Full screen, so the whole drawing is in the picture; in both site themes.
    await mkdir(path.dirname(SCREENSHOT), {recursive: true});
    await lab().getByRole('button', {name: 'Full screen'}).click();
    await page.screenshot({path: SCREENSHOT});
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    await page.screenshot({path: SCREENSHOT.replace('.png', '-dark.png')});
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
    await lab().getByRole('button', {name: 'Exit full screen'}).click();
  });

  it('refreshes on demand and says when nothing changed', async () => {
    await topology().getByRole('button', {name: 'Refresh'}).click();
    serial = await drawnAfter(serial);
    await expect(topology().getByRole('status').innerText()).resolves.toMatch(
      /Read from the machine .*Nothing changed since the last drawing/,
    );
    expect(await topology().locator('svg .nlt-changed').count()).toBe(0);
  });

  it('shows a link set down in red', async () => {
    await page.getByRole('tab', {name: 'Terminal 1'}).click();
    await run(page, 'ip -n blue link set eth0 down');
    await page.getByRole('tab', {name: 'Topology'}).click();
    await topology().getByRole('button', {name: 'Refresh'}).click();
    serial = await drawnAfter(serial);
    const svg = topology().locator('svg');
    expect(await svg.locator('g[data-id="if:blue/eth0"]').getAttribute('class')).toContain('nlt-down');
    expect(await svg.locator('path.nlt-veth.nlt-down').count()).toBe(1);
    await lab().screenshot({
      path: SCREENSHOT.replace('.png', '-link-down.png'),
      style: '.navbar { visibility: hidden; }',
    });
  });
});
