import {defineConfig} from 'vitest/config';

// One file at a time: VM and browser tests each keep an emulated CPU busy,
// and this machine has two cores.
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'build/**', '.docusaurus/**', 'images/out/**'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
