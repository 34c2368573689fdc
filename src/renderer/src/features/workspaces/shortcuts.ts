/** Ctrl+1 … Ctrl+9 (⌘1 … ⌘9 on macOS) switch to the first nine live workspaces. */
export const SHORTCUT_COUNT = 9;

export function isMacPlatform(): boolean {
  const nav = navigator as Navigator & { userAgentData?: { platform?: string } };
  const platform = nav.userAgentData?.platform ?? navigator.platform ?? '';
  return /mac/i.test(platform);
}

/** The workspace number (1-9) a key event asks for, or null if it is not one of the shortcuts. */
export function workspaceShortcutNumber(event: KeyboardEvent): number | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null;
  // event.code keeps working on layouts where the digit row needs no Shift but yields other keys.
  const match = /^[1-9]$/.exec(event.key) ?? /^Digit([1-9])$/.exec(event.code);
  if (!match) return null;
  return Number(match[1] ?? match[0]);
}

/** The value of aria-keyshortcuts for the Nth workspace. */
export function ariaShortcut(n: number, mac: boolean): string {
  return mac ? `Meta+${n}` : `Control+${n}`;
}
