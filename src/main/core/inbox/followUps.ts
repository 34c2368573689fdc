/** How often the core looks for follow-up dates that came (also checked at start and after sleep). */
const FOLLOW_UP_CHECK_MS = 30_000;

/** Runs `check` once; a failure is logged, never thrown (the timer and a wake-up both call it). */
export function runFollowUpCheck(check: () => void, log: (message: string) => void): void {
  try {
    check();
  } catch (error) {
    log(`[inbox] follow-up check failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Runs `check` now, then every FOLLOW_UP_CHECK_MS until stopped; the timer never keeps the process alive. */
export function startFollowUpTimer(check: () => void, log: (message: string) => void): () => void {
  const run = () => runFollowUpCheck(check, log);
  run();
  const timer = setInterval(run, FOLLOW_UP_CHECK_MS);
  timer.unref?.();
  return () => clearInterval(timer);
}
