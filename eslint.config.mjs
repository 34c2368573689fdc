// Layer boundaries of DESIGN.md, enforced per folder (as Signal-Desktop and VS Code do):
// the folder a file is in says which process it runs in, and so what it may import.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const electron = { group: ['electron', 'electron/*', 'electron-store'], message: 'Only the desktop shell (src/main/*.ts, src/main/shell) and the preload may use Electron.' };
const renderer = { regex: '(^|/)renderer/', message: 'Nothing outside the renderer imports renderer code.' };
const shell = { regex: '(^|/)(shell/|main/index)', message: 'The core and the host never depend on the desktop shell.' };
const host = { regex: '(^|/)host/', message: 'The core never depends on the headless host.' };
const mainProcess = { group: ['**/main/**', '**/core/**', 'better-sqlite3', 'keytar', 'ws'], message: 'The UI reaches the core only through the typed client of src/shared/contract.' };
// Exact names, not patterns: a pattern 'events' would also match a local './events' module.
const nodeOnly = nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not available in this process.' }));

const restrict = (...patterns) => ['error', { patterns }];
const restrictWithoutNode = (...patterns) => ['error', { paths: nodeOnly, patterns }];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tmp/**', 'test-results/**', 'playwright-report/**', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/shared/**'],
    rules: { 'no-restricted-imports': restrictWithoutNode(electron, renderer, { group: ['**/main/**', '**/preload/**', 'better-sqlite3', 'keytar', 'ws'], message: 'src/shared is imported by every process, so it depends on none of them.' }) },
  },
  {
    files: ['src/main/core/**'],
    rules: { 'no-restricted-imports': restrict(electron, renderer, shell, host, { group: ['**/preload/**'], message: 'The core never depends on the preload.' }) },
  },
  {
    files: ['src/main/host/**'],
    rules: { 'no-restricted-imports': restrict(electron, renderer, shell) },
  },
  {
    files: ['src/main/*.ts', 'src/main/shell/**'],
    rules: { 'no-restricted-imports': restrict(renderer, { group: ['**/main/host/**'], message: 'The desktop shell does not use the headless host.' }) },
  },
  {
    files: ['src/preload/**'],
    rules: { 'no-restricted-imports': restrictWithoutNode(renderer, mainProcess) },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrictWithoutNode(electron, mainProcess, { group: ['**/preload/**'], message: 'The renderer uses window.leitstand, not the preload module.' }),
    },
  },
);
