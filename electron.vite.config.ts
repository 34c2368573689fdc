import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './src/shared/security/csp';

/** Puts the one CSP of src/shared/security/csp.ts into index.html as a <meta> tag. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'leitstand-csp',
    transformIndexHtml: (html) =>
      html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
  };
}

// One build produces all three processes plus the headless host:
// out/main/index.js (desktop shell), out/main/host.js (headless host, plain Node),
// out/preload/index.js (sandboxed, so it bundles everything it imports) and out/renderer/.
export default defineConfig({
  main: {
    build: {
      // keytar is an optional dependency: loaded at run time, never bundled. eld offers only an ESM
      // entry that the CommonJS main bundle cannot require, so it is bundled in; so is the VADER lexicon
      // (vader-sentiment/src/vader_lexicon.js, an ES module in a CommonJS package).
      externalizeDeps: { include: ['keytar'], exclude: ['eld', 'vader-sentiment'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          host: resolve(__dirname, 'src/main/host/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), contentSecurityPolicy()],
    build: {
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
