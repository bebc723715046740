/**
 * What a learner can do to the lab from its terminal, on purpose or not: fork
 * bombs, floods, killing everything, panics, power-offs, a sabotaged shell,
 * deleting the root file system, eating memory, and text that only looks like
 * a crash. After each, the page still answers, Check gives a verdict or a
 * clear error (never an endless spinner), and a reset gives a working shell.
 * One page load covers every case; each case ends with a reset.
 */
import type {Page} from 'playwright-core';
import {beforeAll, describe, expect, it} from 'vitest';
import {useSite} from './fixture';
import {run, screenLines, terminalInput, until, waitForEcho, waitForLabReady, waitForPrompt} from './terminal';

const EXERCISE = 'nat/masquerade';

const site = useSite({open: '/learn/nat', startLab: true});
// Filled in by useSite's hook, which runs first.
let page: Page;
beforeAll(() => {
  page = site.page;
});

const lab = () => page.locator('section[aria-label="Lab"]');
const exercise = () => page.locator(`section[data-exercise="${EXERCISE}"]`);

/** Types a command and presses Enter without waiting for it to finish (some never do). */
async function launchCommand(command: string): Promise<void> {
  await terminalInput(page).focus();
  await page.keyboard.type(command);
  await waitForEcho(page, command);
  await page.keyboard.press('Enter');
}

/**
 * The page still reacts: script runs and a button works. The emulator shares
 * the main thread with the page, so a driver that let it hog the thread would
 * stall both. The event-loop delay is logged, not asserted (timings are noisy).
 */
async function staysResponsive(label: string): Promise<void> {
  const began = Date.now();
  const lag = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const t = performance.now();
        setTimeout(() => resolve(performance.now() - t), 0);
      }),
  );
  console.log(`${label}: page answered in ${Date.now() - began} ms (event-loop delay ${lag.toFixed(0)} ms)`);
  await page.getByRole('button', {name: 'Full screen'}).click();
  expect(await page.getByRole('button', {name: 'Exit full screen'}).getAttribute('aria-pressed')).toBe('true');
  await page.getByRole('button', {name: 'Exit full screen'}).click();
}

interface Verdict {
  verdict: string;
  text: string;
}

async function check(): Promise<Verdict> {
  const results = exercise().getByRole('status', {name: 'Check results'});
  await exercise().getByRole('button', {name: 'Check', exact: true}).click();
  await until(async () => !/^(checking|none)$/.test((await results.getAttribute('data-verdict')) ?? ''));
  return {verdict: (await results.getAttribute('data-verdict')) ?? '', text: await results.innerText()};
}

/** A verdict, or an error that says what is wrong: never silence or a spinner. */
function expectAnswer(result: Verdict): void {
  console.log(`Check: ${result.verdict}: ${result.text.replace(/\s+/g, ' ').slice(0, 160)}`);
  expect(['passed', 'failed', 'error'], result.text).toContain(result.verdict);
  if (result.verdict === 'error')
    expect(result.text).toMatch(/did not answer|stopped working|timed out|Reset|could not/i);
}

/** Resets the lab the way the case calls for, then proves the new shell works. */
async function resetAndProve(via: 'toolbar' | 'alert' | 'check'): Promise<void> {
  const before = await lab().getAttribute('data-generation');
  if (via === 'toolbar') {
    await page.getByRole('button', {name: 'Reset lab', exact: true}).click();
    await page.getByRole('dialog', {name: 'Reset the lab?'}).getByRole('button', {name: 'Reset', exact: true}).click();
  } else if (via === 'alert') {
    await lab().getByRole('alert').getByRole('button', {name: 'Reset now'}).click();
  } else {
    await exercise().getByRole('button', {name: 'Reset the lab'}).click();
  }
  await until(async () => (await lab().getAttribute('data-generation')) !== before);
  // Back to the terminal, as a learner would: xterm does not paint while scrolled out of view.
  await lab().scrollIntoViewIfNeeded();
  await waitForLabReady(page);
  await waitForPrompt(page);
  await run(page, 'echo fresh-$((6 * 7))');
  expect(await screenLines(page)).toContain('fresh-42');
}

/** The machine died: the lab says how, Check says so and offers the reset. */
async function expectDead(reason: RegExp): Promise<void> {
  await until(async () => (await lab().getAttribute('data-status')) === 'crashed');
  expect(await lab().getByRole('alert').innerText()).toMatch(reason);
  const result = await check();
  expect(result.verdict).toBe('error');
  expect(result.text).toMatch(/stopped working/);
  expect(result.text).toMatch(reason);
  expect(await exercise().getByRole('button', {name: 'Reset the lab'}).isVisible()).toBe(true);
}

describe('hostile input in the lab terminal', () => {
  it('text that only looks like a crash leaves the lab running and gradable', async () => {
    await run(page, 'echo "Kernel panic - not syncing: fake"; echo "reboot: Power down"');
    await staysResponsive('look-alike text');
    const result = await check();
    expect(result.verdict, result.text).toBe('failed');
    expect(await lab().getAttribute('data-status')).toBe('ready');
    await resetAndProve('toolbar');
  });

  it('a sabotaged PATH, aliases and functions do not reach grading', async () => {
    await run(page, 'alias ip=false iptables=false cat=false; nft() { return 1; }; export PATH=/nowhere');
    await run(page, 'ip link show');
    await staysResponsive('sabotaged shell');
    const result = await check();
    expect(result.verdict, result.text).toBe('failed');
    await resetAndProve('toolbar');
  });

  it('a fork bomb', async () => {
    await launchCommand(':(){ :|:& };:');
    await staysResponsive('fork bomb');
    expectAnswer(await check());
    await resetAndProve('toolbar');
  });

  it('a multi-megabyte flood of output', async () => {
    await launchCommand('head -c 5000000 /dev/urandom | base64');
    await staysResponsive('flood');
    expectAnswer(await check());
    await staysResponsive('flood, after Check');
    await resetAndProve('toolbar');
  });

  it('a memory hog', async () => {
    await launchCommand('tail /dev/zero');
    await staysResponsive('memory hog');
    expectAnswer(await check());
    await resetAndProve('toolbar');
  });

  it('kill -9 -1', async () => {
    await launchCommand('kill -9 -1');
    await staysResponsive('kill -9 -1');
    expectAnswer(await check());
    await resetAndProve('toolbar');
  });

  it('rm -rf / (with --no-preserve-root)', async () => {
    await launchCommand('rm -rf --no-preserve-root /');
    await staysResponsive('rm -rf /');
    expectAnswer(await check());
    await resetAndProve('toolbar');
  });

  it('a kernel panic', async () => {
    await launchCommand('echo c > /proc/sysrq-trigger');
    await expectDead(/panic/i);
    await staysResponsive('kernel panic');
    await resetAndProve('check');
  });

  it('poweroff -f', async () => {
    await launchCommand('poweroff -f');
    await expectDead(/halted|powered off/);
    await staysResponsive('poweroff -f');
    await resetAndProve('alert');
  });
});
