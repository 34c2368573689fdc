/** How often the core looks for follow-up dates that came (also checked at start and after sleep). */
export const FOLLOW_UP_CHECK_MS = 30_000;

/** Runs `check` now, then every FOLLOW_UP_CHECK_MS until stopped; the timer never keeps the process alive. */
export function startFollowUpTimer(check: () => void, log: (message: string) => void): () => void {
  const run = () => {
    try {
      check();
    } catch (error) {
      log(`[inbox] follow-up check failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  run();
  const timer = setInterval(run, FOLLOW_UP_CHECK_MS);
  timer.unref?.();
  return () => clearInterval(timer);
}
