/**
 * The DNS chapter's first lab, solved in Chromium as a learner would: set it
 * up, see Check name what is missing, start dnsmasq in `dns` and write
 * client's resolv.conf in the lab terminal, and see every check pass.
 */
import type {Locator, Page} from 'playwright-core';
import {beforeAll, describe, expect, it} from 'vitest';
import {useSite} from './fixture';
import {run, screenLines, until} from './terminal';

const site = useSite({open: '/learn/dns', startLab: true});
// Filled in by useSite's hook, which runs first.
let page: Page;
beforeAll(() => {
  page = site.page;
});

const exercise = () => page.locator('section[data-exercise="dns/local-resolver"]');

async function check(): Promise<Locator> {
  const results = exercise().getByRole('status', {name: 'Check results'});
  await exercise().getByRole('button', {name: 'Check', exact: true}).click();
  await until(async () => !/^(checking|none)$/.test((await results.getAttribute('data-verdict')) ?? ''));
  return results;
}

describe('dns/local-resolver in the browser', () => {
  it('fails from the start state, with a reason', async () => {
    await exercise().getByRole('button', {name: 'Start exercise'}).click();
    await exercise().getByText('The exercise is set up').waitFor({timeout: 0});
    const results = await check();
    expect(await results.getAttribute('data-verdict')).toBe('failed');
    expect(await results.innerText()).toMatch(/dns|53|resolv/i);
  });

  it('passes once dnsmasq answers in dns and client uses it', async () => {
    await run(
      page,
      'ip netns exec dns dnsmasq --no-resolv --no-hosts --listen-address=10.0.0.53 --bind-interfaces ' +
        '--address=/web.lab.example/10.0.0.80 --address=/db.lab.example/10.0.0.81',
    );
    await run(page, "mkdir -p /etc/netns/client && echo 'nameserver 10.0.0.53' > /etc/netns/client/resolv.conf");
    await run(
      page,
      'ip netns exec client getent hosts web.lab.example; ip netns exec client dig +short db.lab.example',
    );
    const screen = (await screenLines(page)).join('\n');
    expect(screen).toContain('10.0.0.80');
    expect(screen).toContain('10.0.0.81');
    const results = await check();
    expect(await results.getAttribute('data-verdict'), await results.innerText()).toBe('passed');
  });
});
