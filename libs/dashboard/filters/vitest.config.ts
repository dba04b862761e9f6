import { nxViteTsPaths } from '@nx/vite/plugins/nx-tsconfig-paths.plugin';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: __dirname,
  cacheDir: '../../../node_modules/.vite/libs/dashboard/filters',
  plugins: [react(), nxViteTsPaths()],
  test: {
    name: 'dashboard-filters',
    watch: false,
    environment: 'node',
    include: ['src/**/*.spec.{ts,tsx}'],
  },
});
