import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/** The browser app: built from web/ into dist/web, which `keel serve` hands out as static files. */
export default defineConfig({
  root: webRoot,
  base: './',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    // `npx vite --config web/vite.config.ts` during development, with `keel serve` on its default port.
    proxy: { '/api': 'http://127.0.0.1:4321' },
  },
});
