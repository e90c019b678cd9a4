import { defineConfig } from 'vitest/config'
import base from './vitest.config'

// The resilience suite drives the production build (`node server.mjs`) in child processes, so it runs
// after `react-router build`, one file at a time (the machine has two cores).
export default defineConfig({
  resolve: base.resolve,
  test: {
    include: ['test/resilience/**/*.test.ts'],
    setupFiles: ['./test/app-context.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
})
