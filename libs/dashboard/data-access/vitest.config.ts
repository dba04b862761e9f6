import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: __dirname,
  cacheDir: '../../../node_modules/.vite/libs/dashboard/data-access',
  test: {
    name: 'dashboard-data-access',
    watch: false,
    environment: 'node',
    include: ['src/**/*.spec.{ts,tsx}'],
  },
});
