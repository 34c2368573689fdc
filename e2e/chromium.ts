/** Debian's Chromium (ENVIRONMENT.md); no browser is ever downloaded. */
export const CHROMIUM_PATH = process.env.LEITSTAND_CHROMIUM ?? '/usr/bin/chromium';

/**
 * The flags of ENVIRONMENT.md: no sandbox as root, software rendering, and nothing that talks to
 * outside hosts (which this machine's closed network refuses). Nothing that changes how frames
 * are made: vsync and the frame-rate limit stay on, so the UI benchmarks measure what users get.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
