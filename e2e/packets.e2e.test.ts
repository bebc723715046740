/**
 * The packet view as a learner uses it on the "Layers on the wire" page: set
 * up the handshake exercise, capture a connection with tcpdump in the lab
 * terminal, open the file in the packet panel, expand the TCP header of the
 * SYN and see its bytes light up; then the same capture passes Check.
 */
import type {Page} from 'playwright-core';
import {beforeAll, describe, expect, it} from 'vitest';
import {useSite} from './fixture';
import {run, until} from './terminal';

const site = useSite({open: '/learn/osi', startLab: true});
// Filled in by useSite's hook, which runs first.
let page: Page;
beforeAll(() => {
  page = site.page;
});

const view = () => page.getByRole('region', {name: 'Packet view'});
const exercise = () => page.locator('section[data-exercise="osi/capture-handshake"]');

describe('packet view', () => {
  it('says what is wrong with a path that is not a capture', async () => {
    await page.getByRole('button', {name: 'Packets'}).click();
    await view().getByLabel('Capture file in the VM').fill('/root/nothing-here.pcap');
    await view().getByRole('button', {name: 'Open'}).click();
    await expect.poll(() => view().getByRole('status').innerText(), {timeout: 60_000}).toContain('There is no file');

    await run(page, 'echo not a capture > /root/text.pcap');
    await view().getByLabel('Capture file in the VM').fill('/root/text.pcap');
    await view().getByRole('button', {name: 'Open'}).click();
    await expect.poll(() => view().getByRole('status').innerText(), {timeout: 60_000}).toMatch(/not a capture/i);
  });

  it('opens a captured handshake and expands the SYN’s TCP header, bytes and all', async () => {
    await exercise().getByRole('button', {name: 'Start exercise'}).click();
    await exercise().getByText('The exercise is set up').waitFor({timeout: 0});
    // One line, so the shell runs tcpdump in the background and the connection after it.
    await run(
      page,
      'ip netns exec client tcpdump -i eth0 -n -c 3 -w /root/handshake.pcap tcp port 80 & sleep 3; ' +
        'ip netns exec client curl -s http://10.0.0.1/; wait',
    );

    await view().getByLabel('Capture file in the VM').fill('/root/handshake.pcap');
    await view().getByRole('button', {name: 'Open'}).click();
    await expect.poll(() => view().getByRole('status').innerText(), {timeout: 60_000}).toContain('3 frames');

    const frames = view().getByRole('listbox', {name: 'Frames'}).getByRole('option');
    expect(await frames.count()).toBe(3);
    expect(await frames.first().innerText()).toContain('SYN');
    await frames.first().click();

    const layers = view().getByTestId('packet-layers');
    const tcp = layers.locator('button[data-layer="tcp"]');
    await tcp.click();
    expect(await tcp.getAttribute('aria-expanded')).toBe('true');
    const dport = layers.getByRole('button', {name: /Destination port: 80/});
    await dport.hover();
    // The destination port is bytes 36-37 of an Ethernet + IPv4 (no options) frame: 0x0050.
    const lit = view().getByTestId('packet-bytes').locator('[data-offset]').and(page.locator('[class*="lit"]'));
    await expect.poll(() => lit.allInnerTexts()).toEqual(['00', '50']);
    await expect.poll(() => lit.first().getAttribute('data-offset')).toBe('36');
    expect(await layers.getByRole('button', {name: /Flags/}).first().innerText()).toContain('SYN');
  });

  it('grades the same capture', async () => {
    const results = exercise().getByRole('status', {name: 'Check results'});
    await exercise().getByRole('button', {name: 'Check', exact: true}).click();
    await until(async () => !/^(checking|none)$/.test((await results.getAttribute('data-verdict')) ?? ''));
    expect(await results.getAttribute('data-verdict'), await results.innerText()).toBe('passed');
  });
});
