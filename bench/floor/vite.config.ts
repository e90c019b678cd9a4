// The framework floor is built as React Router's template builds an app: its plugin and nothing else, but
// for Courrier's import aliases, which the welcome step's send (bench/welcome-send.ts) reaches through.
import { reactRouter } from '@react-router/dev/vite'
import { resolve } from 'node:path'
import { defineConfig } from 'vite'

const root = resolve(import.meta.dirname, '../..')

export default defineConfig({
  plugins: [reactRouter()],
  resolve: {
    alias: [
      { find: '~', replacement: resolve(root, 'app') },
      { find: '#emails', replacement: resolve(root, 'emails') },
      { find: '#locales', replacement: resolve(root, 'locales') },
    ],
  },
})
