/**
 * The lab's own features, as a learner uses them: two terminals on one
 * machine (capture in one, ping in the other), paste and copy, full screen,
 * and a reset that asks first and gives back a clean machine.
 */
import type {Page} from 'playwright-core';
import {beforeAll, describe, expect, it} from 'vitest';
import {useSite} from './fixture';
import {run, screenLines, terminalInput, until, waitForLabReady, waitForPrompt} from './terminal';

const site = useSite({open: '/learn/vlans', startLab: true, clipboard: true});
// Filled in by useSite's hook, which runs first.
let page: Page;
beforeAll(() => {
  page = site.page;
});

const lab = () => page.locator('section[aria-label="Lab"]');
const screenHas = async (text: string) => (await screenLines(page)).some((l) => l.includes(text));

describe('lab terminal', () => {
  it('runs a capture in the second terminal while the first one pings', async () => {
    const exercise = page.locator('section[data-exercise="vlans/vlan-aware-bridge"]');
    await exercise.getByRole('button', {name: 'Start exercise'}).click();
    await exercise.getByText('The exercise is set up').waitFor({timeout: 0});

    await page.getByRole('tab', {name: 'Terminal 2'}).click();
    await page.getByRole('textbox', {name: 'Second lab terminal'}).focus();
    await page.keyboard.type('tcpdump -n -c 1 -i veth-h2 icmp');
    await page.keyboard.press('Enter');
    await until(() => screenHas('listening on veth-h2'));

    await page.getByRole('tab', {name: 'Terminal 1'}).click();
    await run(page, 'ip netns exec h1 ping -c 1 -W 2 10.0.0.2');

    await page.getByRole('tab', {name: 'Terminal 2'}).click();
    await until(() => screenHas('1 packet captured'));
    expect(await screenHas('ICMP echo request')).toBe(true);
    await page.getByRole('tab', {name: 'Terminal 1'}).click();
  });

  it('pastes with the Paste button and with Ctrl+V, and copies a selection', async () => {
    await page.evaluate(() => navigator.clipboard.writeText('echo pasted-$((1+1))'));
    await page.getByRole('button', {name: 'Paste into terminal'}).click();
    await terminalInput(page).focus();
    await page.keyboard.press('Enter');
    await until(() => screenHas('pasted-2'));

    await page.evaluate(() => navigator.clipboard.writeText('echo typed-$((2+3))'));
    await terminalInput(page).focus();
    await page.keyboard.press('Control+V');
    await page.keyboard.press('Enter');
    await until(async () => (await screenLines(page)).includes('typed-5'));

    // A double click selects a word in the terminal, as in any terminal emulator.
    const row = page.locator('[data-terminal]:not([hidden]) .xterm-rows > div').filter({hasText: /^typed-5\s*$/});
    const box = await row.last().boundingBox();
    expect(box).not.toBeNull();
    if (box) await page.mouse.dblclick(box.x + 12, box.y + box.height / 2);
    await page.getByRole('button', {name: 'Copy selection'}).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/typed/);
  });

  it('goes full screen and back', async () => {
    await page.getByRole('button', {name: 'Full screen'}).click();
    const viewport = page.viewportSize();
    const full = await lab().boundingBox();
    expect(full?.width).toBe(viewport?.width);
    await page.getByRole('button', {name: 'Exit full screen'}).click();
    expect((await lab().boundingBox())?.width).toBeLessThan(viewport?.width ?? 0);
  });

  it('resets only after confirmation, to a clean machine', async () => {
    await run(page, 'ip link add marker0 type dummy');
    await page.getByRole('button', {name: 'Reset lab'}).click();
    await page.getByRole('dialog', {name: 'Reset the lab?'}).getByRole('button', {name: 'Cancel'}).click();
    expect(await lab().getAttribute('data-status')).toBe('ready');

    const before = await lab().getAttribute('data-generation');
    await page.getByRole('button', {name: 'Reset lab'}).click();
    await page.getByRole('dialog', {name: 'Reset the lab?'}).getByRole('button', {name: 'Reset', exact: true}).click();
    // Each (re)start of the machine bumps the lab's generation.
    await until(async () => (await lab().getAttribute('data-generation')) !== before);
    await waitForLabReady(page);
    await waitForPrompt(page);
    await run(page, 'ip -br link show marker0 || echo no-marker');
    expect(await screenHas('no-marker')).toBe(true);
  });
});
