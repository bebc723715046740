/**
 * What every browser test file sets up: the built site on a static server,
 * Chromium on a fresh profile, one page. `useSite()` registers the hooks and
 * returns an object whose fields are filled in before the first test.
 */
import type {Page} from 'playwright-core';
import {afterAll, beforeAll, vi} from 'vitest';
import {launch, type Session} from './browser';
import {ensureBuild} from './site';
import {serveStatic, type StaticServer} from './staticServer';
import {startLab} from './terminal';

export interface Site {
  server: StaticServer;
  browser: Session;
  page: Page;
}

export interface SiteOptions {
  /** Lets the page use the clipboard (Paste button, Ctrl+V). */
  clipboard?: boolean;
  /** A path under the site to open, e.g. "/learn/nat". */
  open?: string;
  /** Press Start lab once the page is open, and wait for a prompt. */
  startLab?: boolean;
}

export function useSite(options: SiteOptions = {}): Site {
  // Lab starts and resets take as long as the machine needs; the tests bound their own waits.
  vi.setConfig({testTimeout: 0, hookTimeout: 0});
  const site = {} as Site;
  beforeAll(async () => {
    site.server = await serveStatic(await ensureBuild((l) => console.log(l)));
    site.browser = await launch();
    if (options.clipboard) {
      await site.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: site.server.url});
    }
    site.page = await site.browser.context.newPage();
    site.page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
    if (options.open) await site.page.goto(`${site.server.url}${options.open}`, {waitUntil: 'networkidle'});
    if (options.startLab) await startLab(site.page);
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
