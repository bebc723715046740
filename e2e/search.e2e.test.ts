/**
 * Search, as a learner uses it: type a word in the navbar's search box, pick
 * a result, land on the lesson. The index is built from the static pages, so
 * words that only an exercise's task uses are found too, and once searched
 * the index is cached: the search still works with the network gone.
 */
import {mkdir} from 'node:fs/promises';
import path from 'node:path';
import type {Locator, Page} from 'playwright-core';
import {beforeAll, describe, expect, it} from 'vitest';
import {useSite} from './fixture';
import {REPO} from './site';
import {until} from './terminal';

const SHOTS = path.join(REPO, 'test-results');

const site = useSite();
// Filled in by useSite's hook, which runs first.
let page: Page;
beforeAll(async () => {
  page = site.page;
  await mkdir(SHOTS, {recursive: true});
});

const searchBox = (): Locator =>
  page.getByRole('combobox', {name: 'Search'}).or(page.locator('input[aria-label="Search"]'));
/** The dropdown's results; the last entry is the "See all results" link. */
const results = (): Locator => page.getByRole('option');

/** Types like a person and waits for results that mention `expected`. */
async function search(query: string, expected: RegExp): Promise<Locator> {
  const box = searchBox().first();
  await box.click();
  await box.fill('');
  await page.keyboard.type(query, {delay: 30});
  const hit = results().filter({hasText: expected}).first();
  await hit.waitFor({timeout: 30_000});
  return hit;
}

async function heading(): Promise<string> {
  return (await page.getByRole('heading', {level: 1}).first().textContent()) ?? '';
}

describe('course search', () => {
  it('finds "VXLAN" and lands on the VXLAN lesson', async () => {
    await page.goto(`${site.server.url}/learn/intro`, {waitUntil: 'networkidle'});
    const hit = await search('VXLAN', /VXLAN overlays/);
    expect(await results().count()).toBeGreaterThan(1);
    await page.screenshot({path: path.join(SHOTS, 'search-vxlan.png')});
    await hit.click();
    await until(async () => new URL(page.url()).pathname === '/learn/vxlan');
    // The URL changes before the new page renders: wait for its heading.
    await expect.poll(heading, {timeout: 30_000}).toBe('VXLAN overlays');
    await page.screenshot({path: path.join(SHOTS, 'search-landed-vxlan.png')});
  });

  it('finds "bridge" with the keyboard', async () => {
    await search('bridge', /Linux bridges/);
    // Arrow down to the Linux bridges result, then Enter, as a keyboard user would.
    for (let i = 0; i < 10; i++) {
      const selected = results().and(page.locator('[aria-selected="true"]'));
      if (
        /Linux bridges/.test(
          (await selected
            .first()
            .textContent()
            .catch(() => '')) ?? '',
        )
      )
        break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await until(async () => new URL(page.url()).pathname === '/learn/bridges');
    await expect.poll(heading, {timeout: 30_000}).toBe('Linux bridges');
  });

  it("finds a word only an exercise's task uses", async () => {
    // "outranking" appears in the longest-prefix-match task (task.mdx), nowhere in the lessons' own text.
    const hit = await search('outranking', /Routing/);
    await hit.click();
    await until(async () => new URL(page.url()).pathname === '/learn/routing');
    await page.getByText(/or outranking it all count/).waitFor();
  });

  it('still searches with the network gone', async () => {
    await until(() => page.evaluate(() => navigator.serviceWorker.ready.then(() => true)));
    // Under the offline worker's control, searched once more so what it fetches passes through it.
    await page.reload({waitUntil: 'networkidle'});
    await search('VXLAN', /VXLAN overlays/);
    await site.browser.context.setOffline(true);
    try {
      await page.reload({waitUntil: 'load'});
      const hit = await search('bridge', /Linux bridges/);
      await page.screenshot({path: path.join(SHOTS, 'search-offline.png')});
      await hit.click();
      await until(async () => new URL(page.url()).pathname === '/learn/bridges');
      await expect.poll(heading, {timeout: 30_000}).toBe('Linux bridges');
    } finally {
      await site.browser.context.setOffline(false);
    }
  });
});
