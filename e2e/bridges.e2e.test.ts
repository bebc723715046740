/**
 * The learner's whole path through the bridges chapter, in real Chromium on
 * the built static site: start the lab, set up the exercise, see failing
 * checks, type the reference solution, see every check pass, reload and find
 * the exercise still solved.
 */
import {mkdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import type {Locator, Page} from 'playwright-core';
import {beforeAll, describe, expect, it} from 'vitest';
import {useSite} from './fixture';
import {REPO} from './site';
import {commandsOf, run, terminalInput, until, waitForLabReady, waitForPrompt} from './terminal';

const EXERCISE = 'bridges/two-namespaces';
/** The solved exercise with every check passed; a second file shows it after a reload. */
const SCREENSHOT = path.join(REPO, 'test-results', 'bridges-solved.png');

const site = useSite();
// Filled in by useSite's hook, which runs first.
let page: Page;
beforeAll(() => {
  page = site.page;
});

function exercise(): Locator {
  return page.locator(`section[data-exercise="${EXERCISE}"]`);
}

async function check(): Promise<Locator> {
  const results = exercise().getByRole('status', {name: 'Check results'});
  await exercise().getByRole('button', {name: 'Check', exact: true}).click();
  await until(async () => !/^(checking|none)$/.test((await results.getAttribute('data-verdict')) ?? ''));
  return results;
}

describe('bridges chapter, end to end', () => {
  it('is readable before the lab starts', async () => {
    await page.goto(`${site.server.url}/learn/bridges`);
    await expect(page.getByRole('heading', {level: 1, name: 'Linux bridges'}).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', {name: 'Start lab'}).isVisible()).resolves.toBe(true);
    expect(await terminalInput(page).count()).toBe(0);
  });

  it('starts the lab and gives a shell prompt', async () => {
    await page.getByRole('button', {name: 'Start lab'}).click();
    await waitForLabReady(page);
    await terminalInput(page).waitFor({state: 'visible', timeout: 0});
    await terminalInput(page).focus();
    await page.keyboard.press('Enter');
    await waitForPrompt(page);
  });

  it('sets up the exercise and reports failing checks with reasons', async () => {
    await exercise().getByRole('button', {name: 'Start exercise'}).click();
    await exercise().getByText('The exercise is set up').waitFor({timeout: 0});
    const results = await check();
    expect(await results.getAttribute('data-verdict'), await results.innerText()).toBe('failed');
    const failed = results.locator('li[data-status="failed"]');
    expect(await failed.count()).toBeGreaterThan(0);
    for (const text of await failed.allInnerTexts()) expect(text.split('\n').length).toBeGreaterThan(1);
  });

  it('passes every check after the reference solution is typed in', async () => {
    const solution = await readFile(path.join(REPO, 'exercises', EXERCISE, 'solution.sh'), 'utf8');
    for (const command of commandsOf(solution)) await run(page, command);
    const results = await check();
    expect(await results.getAttribute('data-verdict'), await results.innerText()).toBe('passed');
    const all = await results.locator('li').count();
    expect(all).toBeGreaterThan(0);
    expect(await results.locator('li[data-status="passed"]').count()).toBe(all);
    expect(await exercise().getAttribute('data-solved')).toBe('true');
    await mkdir(path.dirname(SCREENSHOT), {recursive: true});
    // The sticky navbar would otherwise be painted over part of the card.
    await exercise().screenshot({path: SCREENSHOT, style: '.navbar { visibility: hidden; }'});
  });

  it('still shows the exercise solved after a reload', async () => {
    // Once the network is idle every chunk has loaded and the page has
    // hydrated, so the stored progress has been read: no polling needed.
    await page.reload({waitUntil: 'networkidle'});
    expect(await exercise().getAttribute('data-solved')).toBe('true');
    await expect(exercise().getByText('✓ Solved').isVisible()).resolves.toBe(true);
    // Frame the card's header (with its "Solved" badge) below the sticky navbar.
    await exercise().evaluate((el) => {
      el.scrollIntoView({block: 'start'});
      window.scrollBy(0, -80);
    });
    await page.screenshot({path: SCREENSHOT.replace('.png', '-after-reload.png')});
  });
});
