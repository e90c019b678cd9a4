import { reactRouter } from '@react-router/dev/vite'
import { defineConfig, transformWithEsbuild, type Plugin } from 'vite'
import { resolve } from 'node:path'

// React Router's exports map sends Node (and bundlers) to its development build whatever NODE_ENV says
// (remix-run/react-router#14102): its dev-only checks and warnings cost every server render. A production
// build (`react-router build`) takes its production build instead, client and server; server.mjs takes the
// request handler and the context class from the build, so one copy of React Router serves. `npm run dev`
// keeps the development one.
const reactRouterDist = resolve(import.meta.dirname, 'node_modules/react-router/dist/production')

// Bundled, the dependencies' `process.env.NODE_ENV` checks are decided at build time, in the server build
// only (the client build already does this for all code): React's and react-dom's development builds are
// left out (the server bundle 3.9 → 3.0 MB, and less to compile at every start). A server build is run by
// `npm start`, which sets production anyway. The app's own code is left as it is: it reads NODE_ENV at
// run time (app/env.server.ts).
const dependenciesInProduction: Plugin = {
  name: 'courrier:server-dependencies-in-production',
  apply: 'build',
  enforce: 'pre',
  applyToEnvironment: (environment) => environment.name === 'ssr',
  async transform(code, id) {
    if (!id.includes('/node_modules/') || !/\.[cm]?js$/.test(id) || !code.includes('process.env.NODE_ENV')) return null
    // esbuild's define, as Vite's own: reads only, never in strings or assignments; nothing else changes.
    const { code: defined, map } = await transformWithEsbuild(code, id, { loader: 'js', target: 'esnext', define: { 'process.env.NODE_ENV': '"production"' } })
    return { code: defined, map }
  },
}

// The server build's chunks are written in ASCII (esbuild escapes every other character) and without
// whitespace or comments: V8 keeps each module's source in memory for the life of the process, one byte a
// character when it is all Latin-1 but two bytes for all of it as soon as one character is not (a '’' in a
// French string, the HTML entities' tables). The server bundle's source took 7.5 MB of heap; in ASCII,
// 4 MB; without whitespace, the chunks a server loads through the benchmark 6.8 → 5.0 MB (0008, fourth
// round). Names are kept (no identifier minification), so a stack trace still names its functions, and
// lines are cut at about 180 characters: Node prints the whole source line of an uncaught error (a
// misconfigured production start, say), which must stay a line, not a megabyte.
const asciiServerChunks: Plugin = {
  name: 'courrier:ascii-server-chunks',
  apply: 'build',
  applyToEnvironment: (environment) => environment.name === 'ssr',
  // After every renderChunk (Vite's own esbuild pass writes UTF-8): the chunks as they will be written.
  async generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk') continue
      const { code } = await transformWithEsbuild(chunk.code, chunk.fileName, { loader: 'js', target: 'esnext', charset: 'ascii', minifyWhitespace: true, lineLimit: 180 })
      // esbuild escapes strings, templates, regular expressions and names; what is left is in comments.
      chunk.code = code.replace(/[\u0080-\uffff]/g, '?')
    }
  },
}

export default defineConfig(({ command }) => ({
  plugins: [dependenciesInProduction, asciiServerChunks, reactRouter()],
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
  // The server build bundles its dependencies (and server.mjs's: Express, helmet, compression, re-exported
  // by app/entry.server.tsx): Node then resolves, reads and links a few files at start instead of ~550,
  // which was a third of the cold start (docs/decisions/0008-performance.md, cold start and RSS). The
  // SDKs loaded on first use (Stripe, Inngest, Resend) and caniemail's data become chunks of their own.
  // Only better-sqlite3, a native addon, is loaded from node_modules at run time.
  ssr: {
    external: ['better-sqlite3'],
    noExternal: command === 'build' ? true : [],
  },
}))
