import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: __dirname,
  cacheDir: '../../../node_modules/.vite/libs/dashboard/util',
  test: {
    name: 'dashboard-util',
    watch: false,
    environment: 'node',
    include: ['src/**/*.spec.{ts,tsx}'],
  },
});
