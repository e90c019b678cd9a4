// Production server: the React Router build behind Express, with the client's address passed to the app
// (for rate limits) and static assets served with long cache lifetimes. `npm start` runs it.
import { createRequestHandler } from '@react-router/express'
import compression from 'compression'
import express from 'express'
import { RouterContextProvider } from 'react-router'

const buildDir = process.env.BUILD_DIR ?? 'build'
const build = await import(new URL(`./${buildDir}/server/index.js`, import.meta.url).href)
const { clientAddressContext } = build.entry.module
const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST ?? '0.0.0.0'

const app = express()
app.disable('x-powered-by')
// Behind a load balancer, X-Forwarded-For carries the client's address; only trust it when told to.
if (/^(1|true|yes)$/i.test(process.env.TRUST_PROXY ?? '')) app.set('trust proxy', true)
app.use(compression())
app.use('/assets', express.static(`${buildDir}/client/assets`, { immutable: true, maxAge: '1y' }))
app.use(express.static(`${buildDir}/client`, { maxAge: '1h' }))
app.all(
  '/{*path}',
  createRequestHandler({
    build,
    mode: 'production',
    getLoadContext(req) {
      const context = new RouterContextProvider()
      context.set(clientAddressContext, req.ip ?? req.socket.remoteAddress ?? 'unknown')
      return context
    },
  }),
)

const server = app.listen(port, host, () => console.log(`Courrier listening on http://${host}:${port}`))

function shutdown(signal) {
  console.log(`${signal}: closing`)
  server.close(() => process.exit(0))
  setTimeout(() => process.exit(0), 5_000).unref()
}
process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
