import { reactRouter } from '@react-router/dev/vite'
import { defineConfig } from 'vite'
import { resolve } from 'node:path'

export default defineConfig({
  plugins: [reactRouter()],
  resolve: {
    alias: {
      '~': resolve(import.meta.dirname, 'app'),
      '#emails': resolve(import.meta.dirname, 'emails'),
      '#locales': resolve(import.meta.dirname, 'locales'),
    },
  },
  ssr: {
    // native addon and SDKs stay as runtime requires on the server
    external: ['better-sqlite3'],
  },
})
