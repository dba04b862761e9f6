import { nxViteTsPaths } from '@nx/vite/plugins/nx-tsconfig-paths.plugin';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: __dirname,
  cacheDir: '../../../node_modules/.vite/libs/dashboard/data-access',
  plugins: [nxViteTsPaths()],
  test: {
    name: 'dashboard-data-access',
    watch: false,
    environment: 'node',
    include: ['src/**/*.spec.{ts,tsx}'],
  },
});
