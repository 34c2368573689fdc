import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openApp, test, workspaceButton } from './fixtures';
import { startHost, type RunningHost } from './host';
import { seedInbox } from './seedInbox';

/**
 * Drafts survive a crash: the reply composer autosaves at most one second after the first unsaved
 * keystroke. Twenty times: type a reply at a steady ~50 ms a key, SIGKILL the headless host at a
 * random moment, start it again on the same data folder, open the same reply, and find a prefix of
 * what was typed that lacks at most what was typed in the last second before the kill.
 *
 * "The last second" is measured in this process, when each key was delivered to the page; the
 * allowance adds SAVE_TRANSPORT_MS for the save to travel from the page through the WebSocket
 * into SQLite (milliseconds on loopback, but a kill can land in the middle of it).
 */

const ROUNDS = 20;
const KEY_INTERVAL_MS = 50;
const AT_RISK_MS = 1_000;
const SAVE_TRANSPORT_MS = 100;
const TEXT = 'Guten Tag, danke fuer Ihre Nachricht. Wir pruefen Ihre Bestellung sofort und melden uns heute noch bei Ihnen. ';

const question = (round: number) => `Frage ${String(round + 1).padStart(2, '0')}: Wo bleibt meine Lieferung?`;

interface Typed {
  round: number;
  text: string;
  /** When each character of `text` had been delivered to the page (Date.now()). */
  at: number[];
  killedAt: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A small deterministic generator, seeded per run and printed, so a failing run can be replayed. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

async function openInbox(page: Page, url: string, workspaceName: string): Promise<void> {
  await openApp(page, url);
  await workspaceButton(page, workspaceName).click();
  await page.getByRole('tab', { name: 'Inbox' }).click();
  await expect(page.getByRole('listbox', { name: 'Inbox items' }).getByRole('option').first()).toBeVisible({ timeout: 15_000 });
}

/** Moves the keyboard focus to the inbox item of `round` and presses r: the reply composer opens, focused. */
async function openReply(page: Page, round: number) {
  const option = page.getByRole('listbox', { name: 'Inbox items' }).getByRole('option', { name: new RegExp(question(round)) });
  await option.focus();
  await page.keyboard.press('r');
  const reply = page.getByRole('textbox', { name: 'Reply' });
  await expect(reply).toBeFocused();
  // Read-only (with a "Loading…" placeholder) until its draft is loaded; keys before that go nowhere.
  await expect(reply).toBeEditable();
  return reply;
}

/** Types TEXT (repeated) key by key until `killAt`, then kills the host at once. */
async function typeUntilKilled(page: Page, host: RunningHost, round: number, killAt: number): Promise<Typed> {
  const typed: Typed = { round, text: '', at: [], killedAt: 0 };
  for (let i = 0; Date.now() < killAt; i++) {
    const started = Date.now();
    const char = TEXT[i % TEXT.length]!;
    await page.keyboard.type(char);
    typed.text += char;
    typed.at.push(Date.now());
    await sleep(Math.max(0, KEY_INTERVAL_MS - (Date.now() - started)));
  }
  typed.killedAt = Date.now();
  await host.kill();
  return typed;
}

/** The composer's text once its draft is loaded (openReply waited for that). */
async function restoredText(page: Page): Promise<string> {
  return page.getByRole('textbox', { name: 'Reply' }).inputValue();
}

test('a reply being typed survives SIGKILL of the host, 20 times, losing at most the last second', async ({ page }) => {
  test.setTimeout(240_000);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'leitstand-e2e-crash-'));
  const seed = Number(process.env.LEITSTAND_CRASH_SEED ?? Date.now() % 1_000_000);
  const next = random(seed);
  console.log(`[draftCrash] seed ${seed} (LEITSTAND_CRASH_SEED=${seed} repeats these kill moments)`);
  const { workspaceName } = seedInbox(
    dataDir,
    'Absturz',
    Array.from({ length: ROUNDS }, (_, round) => question(round)),
  );
  let host: RunningHost | null = null;
  let previous: Typed | null = null;
  const outcomes: string[] = [];
  try {
    for (let round = 0; round <= ROUNDS; round++) {
      host = await startHost(dataDir);
      await openInbox(page, host.url, workspaceName);

      if (previous) {
        const safeUntil = previous.killedAt - AT_RISK_MS - SAVE_TRANSPORT_MS;
        const mustHave = previous.at.filter((at) => at <= safeUntil).length;
        await openReply(page, previous.round);
        const restored = await restoredText(page);
        const lostMs = restored.length < previous.text.length ? previous.killedAt - previous.at[restored.length]! : 0;
        outcomes.push(`round ${previous.round + 1}: typed ${previous.text.length}, restored ${restored.length}, lost the last ${lostMs} ms`);
        expect(previous.text.startsWith(restored), `round ${previous.round + 1}: the restored draft ${JSON.stringify(restored)} is a prefix of what was typed, ${JSON.stringify(previous.text)}`).toBe(true);
        expect(
          restored.length,
          `round ${previous.round + 1}: everything typed more than ${AT_RISK_MS} ms before the kill is there (typed ${JSON.stringify(previous.text)})`,
        ).toBeGreaterThanOrEqual(mustHave);
        await page.keyboard.press('Escape');
      }
      if (round === ROUNDS) break;

      await openReply(page, round);
      // Somewhere between the first debounced save and well past the one-second cap.
      const killAt = Date.now() + 200 + Math.floor(next() * 2_600);
      previous = await typeUntilKilled(page, host, round, killAt);
      host = null;
    }
  } finally {
    console.log(outcomes.map((line) => `[draftCrash] ${line}`).join('\n'));
    await host?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
