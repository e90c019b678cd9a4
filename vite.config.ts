import { reactRouter } from '@react-router/dev/vite'
import { defineConfig } from 'vite'
import { resolve } from 'node:path'

// React Router's exports map sends Node (and bundlers) to its development build whatever NODE_ENV says
// (remix-run/react-router#14102): its dev-only checks and warnings cost every server render. A production
// build (`react-router build`) takes its production build instead, client and server, and bundles it into
// the server build with the two packages that import it (server.mjs takes the request handler and the
// context class from the build, so one copy of React Router serves). `npm run dev` keeps the development one.
const reactRouterDist = resolve(import.meta.dirname, 'node_modules/react-router/dist/production')

export default defineConfig(({ command }) => ({
  plugins: [reactRouter()],
  resolve: {
    alias: [
      { find: '~', replacement: resolve(import.meta.dirname, 'app') },
      { find: '#emails', replacement: resolve(import.meta.dirname, 'emails') },
      { find: '#locales', replacement: resolve(import.meta.dirname, 'locales') },
      ...(command === 'build'
        ? [
            { find: /^react-router$/, replacement: `${reactRouterDist}/index.mjs` },
            { find: /^react-router\/dom$/, replacement: `${reactRouterDist}/dom-export.mjs` },
          ]
        : []),
    ],
  },
  ssr: {
    // native addon and SDKs stay as runtime requires on the server
    external: ['better-sqlite3'],
    // React Router's own dependencies go with it, resolved from it (it has its own version of `cookie`).
    noExternal: command === 'build' ? ['react-router', '@react-router/node', '@react-router/express', 'cookie', 'set-cookie-parser'] : [],
  },
}))
