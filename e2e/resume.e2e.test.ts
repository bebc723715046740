/**
 * Resume, as a learner uses it: work in the lab, leave (reload, or follow a
 * link), come back and pick up the same machine, with what they created
 * still there; or start a fresh one. A machine saved by an older image is
 * dropped with a notice. The progress page shows the room saved machines
 * take and clears them.
 */
import {mkdir} from 'node:fs/promises';
import path from 'node:path';
import type {Page} from 'playwright-core';
import {beforeAll, describe, expect, it} from 'vitest';
import {useSite} from './fixture';
import {REPO} from './site';
import {run, screenLines, startLab, terminalInput, until, waitForLabReady, waitForPrompt} from './terminal';

const LESSON = '/learn/bridges';
const SHOTS = path.join(REPO, 'test-results');

const site = useSite();
// Filled in by useSite's hook, which runs first.
let page: Page;
beforeAll(async () => {
  page = site.page;
  await mkdir(SHOTS, {recursive: true});
  page.on('dialog', (d) => void d.accept());
});

const lab = () => page.locator('section[aria-label="Lab"]');

/** The toolbar says "Saved hh:mm" once a save has been written; this waits for one written after `since`. */
async function waitForSaved(since: number): Promise<void> {
  const status = lab().locator('[data-save]');
  await until(async () => {
    if ((await status.getAttribute('data-save').catch(() => null)) === 'failed')
      throw new Error(`the save failed: ${await status.getAttribute('title')}`);
    return Number((await status.getAttribute('data-saved-at').catch(() => null)) ?? 0) > since;
  });
}

async function output(command: string): Promise<string[]> {
  await run(page, command);
  return screenLines(page);
}

describe('resume a lab machine', () => {
  it('saves the machine on its own after the learner typed', async () => {
    await page.goto(`${site.server.url}${LESSON}`, {waitUntil: 'networkidle'});
    await startLab(page);
    const since = Date.now();
    await run(page, 'ip netns add learner1');
    // No Save click: the lab saves a few seconds after the typing stops.
    await waitForSaved(since);
  });

  it('offers to resume after a reload, and the namespace is still there', async () => {
    await page.reload({waitUntil: 'networkidle'});
    const resume = page.getByRole('button', {name: 'Resume where you left off'});
    await resume.waitFor();
    await expect(page.getByRole('button', {name: 'Fresh machine'}).isVisible()).resolves.toBe(true);
    await lab().screenshot({path: path.join(SHOTS, 'resume-offer.png')});
    const t0 = Date.now();
    await resume.click();
    await waitForLabReady(page);
    await terminalInput(page).waitFor({state: 'visible', timeout: 0});
    await waitForPrompt(page);
    console.log(`resume click to prompt: ${((Date.now() - t0) / 1000).toFixed(2)} s`);
    expect(await output('ip netns list')).toContain('learner1');
    // The terminal of the resumed machine, the learner's namespace listed.
    await lab().screenshot({path: path.join(SHOTS, 'resume-resumed.png')});
    // The control channel works on the resumed machine: Check runs through it.
    const exercise = page.locator('section[data-exercise="bridges/two-namespaces"]');
    await exercise.getByRole('button', {name: 'Check', exact: true}).click();
    await until(
      async () =>
        !/^(checking|none)$/.test((await exercise.locator('[data-verdict]').getAttribute('data-verdict')) ?? ''),
    );
    expect(await exercise.locator('[data-verdict]').getAttribute('data-verdict')).not.toBe('error');
  });

  it('saves when the learner follows a link away, and the progress page shows it', async () => {
    const since = Date.now();
    await run(page, 'ip netns add learner2');
    // A link inside the site: the lab is let go of, and saved on the way.
    await page.getByRole('link', {name: 'My progress'}).first().click();
    // The page lists the lesson's machine again once that save is written.
    const saved = page.locator('li[data-saved-at]').filter({hasText: 'Linux bridges'});
    await until(async () => {
      if (Date.now() - since > 90_000) throw new Error('the machine left behind was not saved within 90 s');
      return Number((await saved.getAttribute('data-saved-at', {timeout: 1000}).catch(() => '0')) ?? 0) > since;
    });
    expect(Number(await page.locator('[data-saved-bytes]').getAttribute('data-saved-bytes'))).toBeGreaterThan(0);
    expect(await page.getByRole('heading', {name: 'Saved lab machines'}).isVisible()).toBe(true);
    await expect(page.getByRole('link', {name: 'Linux bridges'}).last().isVisible()).resolves.toBe(true);
    await page.locator('section[aria-labelledby="saved-machines"]').screenshot({
      path: path.join(SHOTS, 'resume-progress-page.png'),
    });

    await page.goto(`${site.server.url}${LESSON}`, {waitUntil: 'networkidle'});
    await page.getByRole('button', {name: 'Resume where you left off'}).click();
    await waitForLabReady(page);
    await waitForPrompt(page);
    const lines = await output('ip netns list');
    expect(lines).toContain('learner1');
    expect(lines.some((l) => l.startsWith('learner2'))).toBe(true);
  });

  it('starts a fresh machine when asked', async () => {
    const since = Date.now();
    await page.getByRole('button', {name: 'Save', exact: true}).click();
    await waitForSaved(since);
    await page.reload({waitUntil: 'networkidle'});
    await page.getByRole('button', {name: 'Fresh machine'}).click();
    await waitForLabReady(page);
    await waitForPrompt(page);
    expect(await output('echo namespaces=$(ip netns list | wc -l)')).toContain('namespaces=0');
  });

  it('drops a machine saved by an older image, with a notice', async () => {
    const since = Date.now();
    await run(page, 'ip netns add learner3');
    await waitForSaved(since);
    // As if the site's image had been rebuilt since: the saved machine names another one.
    await page.evaluate(async (key) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('netlab-saved-machines');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const store = db.transaction('machines', 'readwrite').objectStore('machines');
      const meta = await new Promise<Record<string, unknown>>((resolve) => {
        const r = store.get(`meta:${key}`);
        r.onsuccess = () => resolve(r.result as Record<string, unknown>);
      });
      await new Promise((resolve) => {
        store.put({...meta, image: 'an-older-image'}, `meta:${key}`).onsuccess = resolve;
      });
      db.close();
    }, LESSON);
    await page.reload({waitUntil: 'networkidle'});
    const notice = lab().getByRole('status').filter({hasText: 'older image'});
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/dropped/);
    expect(await page.getByRole('button', {name: 'Resume where you left off'}).count()).toBe(0);
    await lab().screenshot({path: path.join(SHOTS, 'resume-older-image.png')});
    await startLab(page);
  });

  it('clears saved machines from the progress page', async () => {
    const since = Date.now();
    await run(page, 'ip netns add learner4');
    await page.getByRole('button', {name: 'Save', exact: true}).click();
    await waitForSaved(since);
    await page.goto(`${site.server.url}/progress`, {waitUntil: 'networkidle'});
    await page.getByRole('button', {name: 'Clear saved machines'}).click();
    await page.getByText('Saved machines cleared.').waitFor();
    await page.getByText('No lab machine is saved in this browser.').waitFor();
    await page.goto(`${site.server.url}${LESSON}`, {waitUntil: 'networkidle'});
    await expect(page.getByRole('button', {name: 'Start lab'}).isVisible()).resolves.toBe(true);
  });
});
