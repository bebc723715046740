/**
 * Offline: once a learner has started a lab, the page and the VM files are
 * cached by the service worker, so the lab starts again with no network.
 */
import type {Page} from 'playwright-core';
import {beforeAll, describe, expect, it} from 'vitest';
import {useSite} from './fixture';
import {run, screenLines, startLab as startLabIn, until} from './terminal';

const site = useSite();
// Filled in by useSite's hook, which runs first.
let page: Page;
beforeAll(() => {
  page = site.page;
});

const startLab = () => startLabIn(page);

describe('offline lab', () => {
  it('caches the lesson and the VM on the first visit', async () => {
    await page.goto(`${site.server.url}/learn/vlans`, {waitUntil: 'networkidle'});
    await until(() => page.evaluate(() => navigator.serviceWorker.ready.then(() => true)));
    // The worker takes control of open pages once active; a reload puts this one under it.
    await page.reload({waitUntil: 'networkidle'});
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await startLab();
    // The lab saves what it reads later (stty on a resize, tcpdump...) in the background.
    await page.locator('[data-offline="ready"]').waitFor({timeout: 0});
  });

  it('starts the lab again with the network gone', async () => {
    await site.browser.context.setOffline(true);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.reload({waitUntil: 'load'});
      await expect(page.getByRole('heading', {level: 1, name: 'VLANs on a bridge'}).isVisible()).resolves.toBe(true);
      await startLab();
      await run(page, 'echo offline-$((40 + 2))');
      expect(await screenLines(page)).toContain('offline-42');
      // Tools the pilot chapters use, none of which the first start opened.
      await run(page, 'stty size; tcpdump --version 2>&1 | head -1; conntrack --version; echo tools-$((1 + 1))');
      expect(await screenLines(page)).toContain('tools-2');
      // Everyday commands and /etc, which the image's traced set lacks: the lab's start warmed them.
      await run(
        page,
        'ls /etc >/dev/null; cat /etc/hostname; cp /etc/hosts /tmp/h; grep -c localhost /tmp/h; echo everyday-$((2 + 1))',
      );
      expect(await screenLines(page)).toContain('everyday-3');
      // The file editor (Monaco, its worker, font and grammars) was never
      // opened online, and its scripts run tools the image's offline set lacks.
      await page.getByRole('tab', {name: 'Files'}).click();
      const files = page.getByRole('tabpanel', {name: 'Files'});
      await expect.poll(() => files.locator('.view-lines').innerText(), {timeout: 60_000}).toContain('localhost');
      expect(await files.getAttribute('inert')).toBeNull();
      // Check's graders and the packet view are lazy chunks: the first visit saved them too.
      await page.getByRole('button', {name: 'Packets'}).click();
      await page.getByRole('region', {name: 'Packet view'}).waitFor();
      expect(errors.filter((e) => /chunk/i.test(e))).toEqual([]);
    } finally {
      await site.browser.context.setOffline(false);
    }
  });
});
