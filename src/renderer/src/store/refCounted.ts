/**
 * One subscription shared by everyone who watches: START runs when the first watcher comes, the stop
 * it returned when the last one leaves. Each watcher's stop counts once, however often it is called.
 */
export function refCounted(start: () => () => void): () => () => void {
  let watchers = 0;
  let stopWatching: (() => void) | null = null;
  return () => {
    watchers += 1;
    stopWatching ??= start();
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      watchers -= 1;
      if (watchers === 0 && stopWatching) {
        stopWatching();
        stopWatching = null;
      }
    };
  };
}
