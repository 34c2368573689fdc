import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface AppPaths {
  preload: string;
  indexHtml: string;
  /** The one URL the window may show; see isAppUrl in security.ts. */
  indexUrl: string;
}

/**
 * Where the build put the other two processes, relative to out/main/ (the folder of the
 * bundled shell). The same layout holds inside the packaged app.asar.
 */
export function appPaths(mainDir: string): AppPaths {
  const indexHtml = path.join(mainDir, '..', 'renderer', 'index.html');
  return {
    preload: path.join(mainDir, '..', 'preload', 'index.js'),
    indexHtml,
    indexUrl: pathToFileURL(indexHtml).href,
  };
}
