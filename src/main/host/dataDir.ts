import os from 'node:os';
import path from 'node:path';

/**
 * The same folder the desktop app uses (Electron's userData for productName "Leitstand"),
 * so that the browser tab and the desktop window show the same workspaces.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Leitstand');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Leitstand');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Leitstand');
}
