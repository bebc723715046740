/** Launches the system Chromium the way the tests and benchmarks need it. */
import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {chromium, type BrowserContext} from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Session {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A persistent context on a fresh profile, so localStorage survives reloads but not runs. */
export async function launch(viewport = {width: 1280, height: 900}): Promise<Session> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'netlab-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(dir, {recursive: true, force: true});
    },
  };
}
