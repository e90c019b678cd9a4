import { defineConfig } from 'vitest/config'
import { resolve } from 'node:path'

export default defineConfig({
  resolve: {
    alias: {
      '~': resolve(import.meta.dirname, 'app'),
      '#emails': resolve(import.meta.dirname, 'emails'),
      '#locales': resolve(import.meta.dirname, 'locales'),
    },
  },
  test: {
    include: ['app/**/*.test.{ts,tsx}', 'emails/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    exclude: ['test/resilience/**', 'node_modules/**'],
    setupFiles: ['./test/app-context.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
})
