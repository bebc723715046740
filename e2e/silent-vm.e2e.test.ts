/**
 * A VM that stops answering must give the learner an error verdict, not an
 * endless spinner. The test freezes the guest's control agent (SIGSTOP), so
 * the VM still runs but nothing answers the page's requests.
 */
import type {Page} from 'playwright-core';
import {beforeAll, describe, expect, it} from 'vitest';
import {useSite} from './fixture';
import {run, terminalInput, until, waitForLabReady, waitForPrompt} from './terminal';

const site = useSite();
// Filled in by useSite's hook, which runs first.
let page: Page;
beforeAll(() => {
  page = site.page;
});

describe('a silent VM', () => {
  it('gets an error verdict saying the lab did not answer', async () => {
    await page.goto(`${site.server.url}/learn/nat`, {waitUntil: 'networkidle'});
    await page.getByRole('button', {name: 'Start lab'}).click();
    await waitForLabReady(page);
    await terminalInput(page).waitFor({state: 'visible', timeout: 0});
    await waitForPrompt(page);
    // The agent runs as processes named netlab-agent*; freeze every one of them.
    await run(page, 'pkill -STOP -f netlab-agent');

    const exercise = page.locator('section[data-exercise="nat/masquerade"]');
    const results = exercise.getByRole('status', {name: 'Check results'});
    await exercise.getByRole('button', {name: 'Check', exact: true}).click();
    await until(async () => !/^(checking|none)$/.test((await results.getAttribute('data-verdict')) ?? ''));
    expect(await results.getAttribute('data-verdict')).toBe('error');
    expect(await results.innerText()).toMatch(/did not answer/);

    // Thawed, the same lab grades again.
    await run(page, 'pkill -CONT -f netlab-agent');
    await exercise.getByRole('button', {name: 'Check', exact: true}).click();
    await until(async () => !/^(checking|none)$/.test((await results.getAttribute('data-verdict')) ?? ''));
    expect(await results.getAttribute('data-verdict'), await results.innerText()).toBe('failed');
  });
});
