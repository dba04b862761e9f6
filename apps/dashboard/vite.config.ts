import { nxViteTsPaths } from '@nx/vite/plugins/nx-tsconfig-paths.plugin';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The API owns /graphql, /api and the session cookie; proxying keeps the
// browser on one origin so the cookie stays same-site in development and preview.
const apiProxy = {
  '/graphql': 'http://localhost:3000',
  '/api': 'http://localhost:3000',
};

export default defineConfig({
  root: __dirname,
  cacheDir: '../../node_modules/.vite/apps/dashboard',
  plugins: [react(), nxViteTsPaths()],
  server: { port: 4200, host: 'localhost', proxy: apiProxy },
  preview: { port: 4300, host: 'localhost', proxy: apiProxy },
  build: {
    outDir: '../../dist/dashboard',
    emptyOutDir: true,
    reportCompressedSize: false,
    // .vite/manifest.json: each chunk's static and lazy imports, for
    // `npm run bench:bundle` (the server does not serve dot folders).
    manifest: true,
  },
  test: {
    name: 'dashboard',
    watch: false,
    environment: 'node',
    include: ['src/**/*.spec.{ts,tsx}'],
  },
});
