import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer boundaries (DESIGN.md), enforced by lint', () => {
  it.each([
    ['src/main/core/x.ts', "import { app } from 'electron';"],
    ['src/main/core/x.ts', "import Store from 'electron-store';"],
    ['src/main/core/x.ts', "import { App } from '../../renderer/src/app/App';"],
    ['src/main/core/x.ts', "import { startHost } from '../host/server';"],
    ['src/main/core/x.ts', "import { createMainWindow } from '../shell/window';"],
    ['src/main/host/x.ts', "import { BrowserWindow } from 'electron';"],
    ['src/renderer/src/x.ts', "import fs from 'node:fs';"],
    ['src/renderer/src/x.ts', "import path from 'path';"],
    ['src/renderer/src/x.ts', "import Database from 'better-sqlite3';"],
    ['src/renderer/src/x.ts', "import keytar from 'keytar';"],
    ['src/renderer/src/x.ts', "import { createCore } from '../../main/core/createCore';"],
    ['src/renderer/src/x.ts', "import { ipcRenderer } from 'electron';"],
    ['src/preload/x.ts', "import fs from 'node:fs';"],
    ['src/preload/x.ts', "import { createCore } from '../main/core/createCore';"],
    ['src/shared/contract/x.ts', "import { EventEmitter } from 'node:events';"],
    ['src/shared/contract/x.ts', "import { openStore } from '../../main/core/store/database';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toHaveLength(1);
  });

  it.each([
    ['src/main/core/x.ts', "import Database from 'better-sqlite3';"],
    ['src/main/core/x.ts', "import { methods } from '../../shared/contract/methods';"],
    ['src/main/host/x.ts', "import { createCore } from '../core/createCore';"],
    ['src/main/shell/x.ts', "import { app } from 'electron';"],
    ['src/preload/x.ts', "import { contextBridge } from 'electron';"],
    ['src/renderer/src/x.ts', "import { buildApi } from '../../shared/contract/client';"],
    ['src/shared/contract/x.ts', "import { events } from './events';"],
  ])('%s may: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});
