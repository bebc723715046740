/**
 * Reading and driving the lab terminal from Playwright, the way a learner
 * would: look at the screen, type, press Enter, wait for the prompt.
 */
import type {Locator, Page} from 'playwright-core';

/** Polls a condition with no deadline of its own; a hung test is the runner's to report. */
export async function until(condition: () => Promise<boolean>, pollMs = 100): Promise<void> {
  while (!(await condition())) await new Promise((r) => setTimeout(r, pollMs));
}

/** A shell prompt with nothing typed after it: "root@netlab:~# " or "$ ". */
const PROMPT_END = /[#$]$/;

export function terminalInput(page: Page): Locator {
  return page.getByRole('textbox', {name: 'Lab terminal', exact: true});
}

/** The visible rows of the active terminal, right-trimmed. */
export async function screenLines(page: Page): Promise<string[]> {
  const rows = page.locator('[data-terminal]:not([hidden]) .xterm-rows > div');
  const texts = await rows.allTextContents();
  return texts.map((t) => t.replace(/\u00a0/g, ' ').trimEnd());
}

export async function lastLine(page: Page): Promise<string> {
  const lines = (await screenLines(page)).filter((l) => l.length > 0);
  return lines[lines.length - 1] ?? '';
}

export async function atPrompt(page: Page): Promise<boolean> {
  return PROMPT_END.test(await lastLine(page));
}

/** Polls until the shell shows an empty prompt (no deadline: the caller's test decides). */
export async function waitForPrompt(page: Page, pollMs = 100): Promise<void> {
  await until(async () => {
    await failIfCrashed(page);
    return atPrompt(page);
  }, pollMs);
}

/** A crashed VM will never show a prompt: fail at once instead of waiting forever. */
export async function failIfCrashed(page: Page): Promise<void> {
  const lab = page.locator('section[aria-label="Lab"]');
  if ((await lab.getAttribute('data-status')) === 'crashed') {
    const why = await lab.getByRole('alert').allInnerTexts();
    throw new Error(`the lab VM crashed: ${why.join(' ') || 'no reason shown'}`);
  }
}

/** Waits until the lab says it is ready; throws if it crashes instead. */
export async function waitForLabReady(page: Page): Promise<void> {
  await until(async () => {
    await failIfCrashed(page);
    return (await page.locator('section[aria-label="Lab"]').getAttribute('data-status')) === 'ready';
  });
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** Waits until the shell has echoed `text` at the bottom of the screen (wrapped lines included). */
export async function waitForEcho(page: Page, text: string, pollMs = 50): Promise<void> {
  const want = squash(text);
  await until(async () => squash((await screenLines(page)).join('')).endsWith(want), pollMs);
}

/** Types one command like a person, presses Enter and waits for the next prompt. */
export async function run(page: Page, command: string): Promise<void> {
  if (process.env.NETLAB_E2E_TRACE) console.log(`$ ${command}`);
  await terminalInput(page).focus();
  await page.keyboard.type(command);
  // Pressing Enter before the echo arrives would let the old prompt pass for the new one.
  await waitForEcho(page, command);
  await page.keyboard.press('Enter');
  // The line just typed ends with the command, not a prompt, so a prompt at
  // the bottom means the command finished.
  await waitForPrompt(page);
}

/** Solution scripts as a learner would type them: no blank lines or comments. */
export function commandsOf(script: string): string[] {
  return script
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/**
 * Presses Start lab and waits until the lab is ready and a prompt is on screen
 * (what a learner sees as usable). `pollMs`: how often the screen is read; the
 * benchmark reads it more often to time the start closely.
 */
export async function startLab(page: Page, pollMs?: number): Promise<void> {
  await page.getByRole('button', {name: 'Start lab'}).click();
  await waitForLabReady(page);
  await terminalInput(page).waitFor({state: 'visible', timeout: 0});
  await waitForPrompt(page, pollMs);
}
