import { chromium, type Browser } from '@playwright/test';

/** Debian's Chromium (ENVIRONMENT.md); nothing is downloaded. */
export const CHROMIUM_PATH = process.env.LEITSTAND_CHROMIUM ?? '/usr/bin/chromium';

/**
 * The flags of ENVIRONMENT.md and nothing that changes how frames are made: vsync and the
 * frame rate limit stay on (no --disable-gpu-vsync, no --disable-frame-rate-limit), so
 * requestAnimationFrame runs at the 60 Hz a user's display gives. --disable-gpu means software
 * raster on the CPU, which is harder than a machine with a GPU, not easier.
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

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}
