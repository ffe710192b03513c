import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The browser app. `npm run dev:web` serves it with hot reload on :5173 and forwards /api and /sim to the
 * platform on :3000 (started with `npm run dev`). changeOrigin stays false: the server refuses writes whose
 * Origin differs from Host.
 */
const target = process.env.BEIAN_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: 'web',
  base: '/',
  // Outside web/, so the build's staleness check (scripts/build-web.mjs) never sees Vite's own cache.
  cacheDir: '../node_modules/.vite',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // The first page's size is measured by scripts/measure-first-page.mjs, not guessed from chunk warnings.
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
    // Read by scripts/measure-first-page.mjs to follow what the first page loads.
    manifest: true,
    rolldownOptions: {
      output: {
        // The framework every page needs in one long-cached chunk (compresses better than many small ones); antd
        // stays split by component so a page loads only the components it uses.
        codeSplitting: {
          groups: [
            {
              name: 'framework',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|zod|dayjs)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: { port: 5173, proxy: { '/api': { target }, '/sim': { target } } },
});
