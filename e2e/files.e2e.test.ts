/**
 * The Files tab as a learner uses it on the DNS page: open a file of the VM,
 * edit it in Monaco, save with Ctrl+S and `cat` it in the terminal; see the
 * reason when a file cannot be edited (binary, too big, no directory,
 * read-only); and "Edit in lab" on the lesson's resolv.conf block, which
 * creates the missing directory, fills in the new file and saves it where
 * `ip netns exec client` reads it. Screenshots go to test-results/files-*.png.
 */
import path from 'node:path';
import type {Page} from 'playwright-core';
import {beforeAll, describe, expect, it} from 'vitest';
import {useSite} from './fixture';
import {REPO} from './site';
import {run, screenLines} from './terminal';

const SHOTS = path.join(REPO, 'test-results');
const site = useSite({open: '/learn/dns', startLab: true});
// Filled in by useSite's hook, which runs first.
let page: Page;
beforeAll(() => {
  page = site.page;
});

const lab = () => page.locator('section[aria-label="Lab"]');
const files = () => page.getByRole('tabpanel', {name: 'Files'});
/** The editor's visible text (Monaco renders spaces as no-break spaces). */
const editorText = async () => (await files().locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
const screenHas = async (text: string) => (await screenLines(page)).some((l) => l.includes(text));

/** A screenshot of the lab, centred so the site's sticky navbar does not cover its top. */
async function shot(name: string): Promise<void> {
  await lab().evaluate((el) => el.scrollIntoView({block: 'center'}));
  await lab().screenshot({path: path.join(SHOTS, name)});
}

async function openPath(p: string): Promise<void> {
  await files().getByLabel('Path in the VM').fill(p);
  await files().getByRole('button', {name: 'Open'}).click();
}

describe('files tab', () => {
  it('opens a file, edits and saves it, and cat shows the new text', async () => {
    await run(page, "printf '# lab config\\nport=53\\n' > /etc/netlab-e2e.conf");
    await page.getByRole('tab', {name: 'Files'}).click();
    await files().locator('.monaco-editor').waitFor({timeout: 60_000});
    await openPath('/etc/netlab-e2e.conf');
    await expect.poll(editorText, {timeout: 60_000}).toContain('port=53');
    expect(await files().innerText()).toContain('Config (ini)');

    await files().locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('listen-address=10.0.0.53');
    await expect.poll(() => files().innerText()).toContain('unsaved');
    await page.keyboard.press('Control+S');
    await expect.poll(() => files().innerText(), {timeout: 60_000}).toContain('Saved at');
    expect(await files().innerText()).not.toContain('unsaved');
    await shot('files-saved.png');

    await page.getByRole('tab', {name: 'Terminal 1'}).click();
    await run(page, 'cat /etc/netlab-e2e.conf');
    await expect.poll(() => screenHas('listen-address=10.0.0.53'), {timeout: 30_000}).toBe(true);
    expect(await screenHas('port=53')).toBe(true);
  });

  it('says why a file cannot be edited: binary, over 1 MB, missing directory, read-only', async () => {
    await run(page, 'head -c 2000000 /dev/zero | tr "\\0" x > /root/big.log');
    await page.getByRole('tab', {name: 'Files'}).click();
    const alert = files().getByRole('alert');
    await openPath('/bin/ls');
    await expect.poll(() => alert.innerText(), {timeout: 60_000}).toContain('/bin/ls is a binary file');
    await shot('files-binary-error.png');
    await openPath('/root/big.log');
    await expect
      .poll(() => alert.innerText(), {timeout: 60_000})
      .toContain('/root/big.log is too large to edit here (2000000 bytes; the limit is 1 MB)');
    await openPath('/etc/no-such-dir/app.conf');
    await expect
      .poll(() => alert.innerText(), {timeout: 60_000})
      .toContain('The directory /etc/no-such-dir does not exist');
    await files().getByRole('button', {name: 'Create /etc/no-such-dir'}).waitFor();
    // The editor still holds the last file that opened: nothing was lost.
    expect(await editorText()).toContain('listen-address=10.0.0.53');

    // A kernel setting opens read-only, with the way to change it, and Save is off.
    await openPath('/proc/sys/net/ipv4/ip_forward');
    await expect.poll(() => files().innerText(), {timeout: 60_000}).toContain('is a kernel interface');
    expect(await files().getByRole('button', {name: 'Save'}).isDisabled()).toBe(true);
    // /usr is a read-only mount in the VM.
    await openPath('/usr/share/netlab-e2e.conf');
    await expect
      .poll(() => files().innerText(), {timeout: 60_000})
      .toContain('/usr/share/netlab-e2e.conf is on a read-only filesystem or directory');
    expect(await files().getByRole('button', {name: 'Save'}).isDisabled()).toBe(true);
    await shot('files-read-only.png');
  });

  it('"Edit in lab" creates client’s resolv.conf from the lesson’s block', async () => {
    // The exercise's start state: namespaces dns and client, no /etc/netns/client.
    const exercise = page.locator('section[data-exercise="dns/local-resolver"]');
    await exercise.getByRole('button', {name: 'Start exercise'}).click();
    await exercise.getByText('The exercise is set up').waitFor({timeout: 120_000});
    await page.getByRole('button', {name: 'Edit in lab'}).first().click();
    expect(await page.getByRole('tab', {name: 'Files'}).getAttribute('aria-selected')).toBe('true');
    // The start state has no /etc/netns/client: the editor offers to create it.
    const create = files().getByRole('button', {name: 'Create /etc/netns/client'});
    await create.waitFor({timeout: 60_000});
    await create.click();
    await expect.poll(editorText, {timeout: 60_000}).toContain('nameserver 10.0.0.53');
    expect(await files().innerText()).toContain('new file');
    await files().locator('.view-lines').click();
    await page.keyboard.press('Control+S');
    await expect.poll(() => files().innerText(), {timeout: 60_000}).toContain('Saved at');
    await shot('files-edit-in-lab.png');

    await page.getByRole('tab', {name: 'Terminal 1'}).click();
    await run(page, 'ip netns exec client cat /etc/resolv.conf');
    await expect.poll(() => screenLines(page), {timeout: 30_000}).toContain('nameserver 10.0.0.53');
  });
});
