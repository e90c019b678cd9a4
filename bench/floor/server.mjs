// The framework floor's server: the same kind of Express server as Courrier's server.mjs, with its
// production settings (helmet with the same CSP and a per-response nonce, compression, immutable static
// assets, React Router's request handler in production mode), serving the floor's build. The benchmark
// starts it with `npm start`'s node flags and environment (bench/run.ts).
import { randomBytes } from 'node:crypto'
import { createRequestHandler } from '@react-router/express'
import compression from 'compression'
import express from 'express'
import helmet from 'helmet'
import { RouterContextProvider } from 'react-router'

// As in server.mjs: a plain copy of the environment, which Inngest's SDK lists seven times a call.
process.env = { ...process.env }

const buildDir = process.env.FLOOR_BUILD_DIR || new URL('../../.tmp/bench-floor-build', import.meta.url).pathname
const build = await import(`${buildDir}/server/index.js`)
const { cspNonceContext } = build.entry.module

const app = express()
app.disable('x-powered-by')
app.use((_req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString('base64')
  next()
})
app.use(
  helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'script-src': ["'self'", (_req, res) => `'nonce-${res.locals.cspNonce}'`],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'https:'],
        'frame-src': ["'self'"],
        'frame-ancestors': ["'self'"],
        'form-action': ["'self'"],
        'upgrade-insecure-requests': null,
      },
    },
    xFrameOptions: { action: 'sameorigin' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: false,
  }),
)
app.use(compression())
app.use('/assets', express.static(`${buildDir}/client/assets`, { immutable: true, maxAge: '1y' }))
app.all(
  '/{*path}',
  createRequestHandler({
    build,
    mode: 'production',
    getLoadContext(_req, res) {
      const context = new RouterContextProvider()
      context.set(cspNonceContext, res.locals.cspNonce)
      return context
    },
  }),
)
app.listen(Number(process.env.PORT ?? 4903), '127.0.0.1', () => console.log('floor listening'))
