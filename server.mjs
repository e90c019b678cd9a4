// Production server: the React Router build behind Express, with security headers (helmet, with a
// per-response CSP nonce), the client's address passed to the app (for rate limits), and static
// assets served with long cache lifetimes. `npm start` runs it.
import { randomBytes } from 'node:crypto'

// Node's process.env is backed by the C environment: listing it crosses into C++ for every variable. Inngest's
// SDK lists it seven times on every call to /api/inngest (~10 % of a welcome step, decision 0008). The
// server reads its environment once, at start, and never sets a variable for native code or a child
// process, so a plain copy serves it: 17.5 → 13.7 ms of CPU per welcome step.
process.env = { ...process.env }

const buildDir = process.env.BUILD_DIR ?? 'build'
const build = await import(new URL(`./${buildDir}/server/index.js`, import.meta.url).href)
// React Router's request handler and context class come from the build, which bundles its production copy;
// so do Express, helmet and compression (bundled, they load as one file: docs/decisions/0008-performance.md).
const { anonymousPageCache, clientAddressContext, cspNonceContext, createRequestHandler, methodsFor, RouterContextProvider, serverSettings } = build.entry.module
const { compression, express, helmet } = build.entry.module
const port = Number(process.env.PORT ?? 3000)
const { host } = serverSettings

const app = express()
app.disable('x-powered-by')
// Behind a load balancer, X-Forwarded-For carries the client's address: TRUST_PROXY says how many proxies
// (or which addresses) to trust, so the address is the one the nearest proxy saw, not one a client wrote.
if (serverSettings.trustProxy) app.set('trust proxy', serverSettings.trustProxy)

// A Host header that cannot be part of a URL (`Host: bad host`) made React Router's adapter throw building
// the request's URL: a 500. It is the client's error.
app.use((req, res, next) => {
  const host = req.headers.host
  if (host === undefined || URL.canParse(`http://${host}/`)) return next()
  res.set('Connection', 'close').status(400).type('text/plain').send('Bad Request: the Host header is not a host name')
})

// Machine endpoints (Inngest's calls, Stripe's and Resend's webhooks) answer JSON to servers, never a page
// to a browser: they skip the nonce, the page headers and compression, and get a fixed, restrictive set.
const MACHINE_PATHS = new Set(['/api/inngest', '/webhooks/stripe', '/webhooks/resend'])
const MACHINE_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  ...(serverSettings.hsts ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
}
const forPages = (middleware) => (req, res, next) => (MACHINE_PATHS.has(req.path) ? next() : middleware(req, res, next))

app.use((req, res, next) => {
  if (MACHINE_PATHS.has(req.path)) {
    res.set(MACHINE_HEADERS)
    res.locals.cspNonce = ''
  } else res.locals.cspNonce = randomBytes(16).toString('base64')
  next()
})
app.use(
  forPages(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'script-src': ["'self'", (_req, res) => `'nonce-${res.locals.cspNonce}'`],
          // Emails shown in the studio carry their own inline styles and remote images.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'https:'],
          // The studio frames its own previews; nobody else may frame any page.
          'frame-src': ["'self'"],
          'frame-ancestors': ["'self'"],
          'form-action': ["'self'"],
          // Only meaningful behind https; on plain http (a laptop, the tests) it would break every asset.
          'upgrade-insecure-requests': null,
        },
      },
      xFrameOptions: { action: 'sameorigin' },
      // helmet's no-referrer makes Chromium send `Origin: null` on form posts, which the origin check
      // must refuse; the browsers' default keeps the origin on same-site posts and hides paths elsewhere.
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      // HSTS when APP_URL is https (production refuses http but on loopback), whatever TRUST_PROXY says.
      strictTransportSecurity: serverSettings.hsts ? { maxAge: 31536000, includeSubDomains: true } : false,
    }),
  ),
)
app.use(forPages(compression()))
app.use('/assets', express.static(`${buildDir}/client/assets`, { immutable: true, maxAge: '1y' }))
// 405 with Allow for a method the route does not serve, before React Router (which would run an action
// for PUT, PATCH or DELETE, and fails on TRACE). The body is left unread, so the connection closes.
const allowedMethods = methodsFor(build.routes)
app.use((req, res, next) => {
  const query = req.originalUrl.indexOf('?')
  const allowed = allowedMethods(req.path, query === -1 ? '' : req.originalUrl.slice(query))
  if (allowed.includes(req.method)) return next()
  res
    .set({ Allow: allowed.join(', '), Connection: 'close' })
    .status(405)
    .type('text/plain')
    .send('Method Not Allowed')
})
function getLoadContext(req, res) {
  const context = new RouterContextProvider()
  context.set(clientAddressContext, req.ip ?? req.socket.remoteAddress ?? 'unknown')
  context.set(cspNonceContext, res.locals.cspNonce)
  return context
}
// The pages a signed-out visitor sees alike (home, signup, login, forgot password; no session cookie, no
// query) are rendered once per language and kept a minute, each answer with its own nonce
// (app/http/page-cache.server.ts, decision 0008).
app.get('/{*path}', anonymousPageCache({ build, getLoadContext }))
// build/client holds only assets/ (there is no public/ folder): no static lookup for every page request.
app.all('/{*path}', createRequestHandler({ build, mode: 'production', getLoadContext }))

const server = app.listen(port, host, () => console.log(`Courrier listening on http://${host}:${port}`))
// Node closes an idle keep-alive connection after 5 s; a client that reuses it at that moment gets
// ECONNRESET (this failed an e2e run). Behind a load balancer the proxy should close first, so the app
// waits longer than the common idle timeouts (60 s on AWS's load balancers).
server.keepAliveTimeout = 65_000

function shutdown(signal) {
  console.log(`${signal}: closing`)
  server.close(() => process.exit(0))
  setTimeout(() => process.exit(0), 5_000).unref()
}
process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
