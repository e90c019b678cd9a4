import type { IncomingMessage, ServerResponse } from 'node:http'
import { createRequestHandler, type RouterContextProvider, type ServerBuild } from 'react-router'

/**
 * The pages a signed-out visitor sees identically in a language: no loader data of their own, nothing
 * from a session, no query string. Each is rendered once per language (and host) and kept a short while.
 */
export const ANONYMOUS_PAGES = ['/', '/signup', '/login', '/forgot-password'] as const

/** The only cookie an anonymous page may depend on: the language the visitor chose (app/i18n). */
const LOCALE_COOKIE = 'lng'

export type CachedPage = { status: number; headers: [string, string][]; body: string; nonce: string; expires: number }

type Request = Pick<IncomingMessage, 'method' | 'headers'> & { path: string; originalUrl: string; protocol: string; hostname: string }

/**
 * The key a request's page is kept under, or null when its answer may depend on who asks: another method
 * than GET, another page, a query string, or any cookie but the language's (a session, for one).
 */
export function anonymousPageKey(request: Request, paths: ReadonlySet<string>): string | null {
  if (request.method !== 'GET' || !paths.has(request.path) || request.originalUrl !== request.path) return null
  let locale = ''
  const cookie = request.headers.cookie
  if (cookie) {
    for (const part of cookie.split(';')) {
      const equals = part.indexOf('=')
      const name = part.slice(0, equals === -1 ? undefined : equals).trim()
      if (name === '') continue
      if (name !== LOCALE_COOKIE) return null
      locale = part.slice(equals + 1).trim()
    }
  }
  // Everything the page is rendered from, beside the build: the address it was asked at and the language
  // inputs (the cookie, else Accept-Language).
  return `${request.protocol}://${request.headers.host ?? request.hostname}${request.path}\n${locale}\n${request.headers['accept-language'] ?? ''}`
}

/** Whether a rendered answer can be served to the next visitor with the same key. */
export function isShareable(status: number, headers: Headers): boolean {
  if (status !== 200 || headers.has('set-cookie')) return false
  if (!headers.get('content-type')?.startsWith('text/html')) return false
  return !/no-store|private/i.test(headers.get('cache-control') ?? '')
}

/** A bounded map of rendered pages with an expiry each; when it is full it starts again empty. */
export class PageCache {
  readonly #pages = new Map<string, CachedPage>()
  constructor(
    readonly ttlMs: number,
    readonly maxEntries: number,
  ) {}

  get(key: string, now = Date.now()): CachedPage | undefined {
    const page = this.#pages.get(key)
    if (page && page.expires <= now) {
      this.#pages.delete(key)
      return undefined
    }
    return page
  }

  set(key: string, page: Omit<CachedPage, 'expires'>, now = Date.now()) {
    if (this.#pages.size >= this.maxEntries && !this.#pages.has(key)) this.#pages.clear()
    this.#pages.set(key, { ...page, expires: now + this.ttlMs })
  }

  get size() {
    return this.#pages.size
  }
}

/** The page's body for this response: the nonce it was rendered with swapped for this response's own. */
export function withNonce(page: CachedPage, nonce: string): string {
  return page.nonce === '' ? page.body : page.body.replaceAll(page.nonce, nonce)
}

type ExpressRequest = Request & IncomingMessage
type ExpressResponse = ServerResponse & { locals: { cspNonce?: string } }

/**
 * Express middleware for the production server (server.mjs), before React Router's handler: the anonymous
 * pages are rendered by React Router once per key and kept `ttlMs`; every other request goes on untouched.
 * Each answer still gets its own CSP nonce (set by the middleware before this one) and the page headers.
 */
export function anonymousPageCache({
  build,
  getLoadContext,
  paths = ANONYMOUS_PAGES,
  ttlMs = 60_000,
  maxEntries = 500,
}: {
  build: ServerBuild
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => RouterContextProvider
  paths?: readonly string[]
  ttlMs?: number
  maxEntries?: number
}) {
  const handle = createRequestHandler(build, 'production')
  const pathSet = new Set(paths)
  const cache = new PageCache(ttlMs, maxEntries)

  const write = (res: ExpressResponse, status: number, headers: Iterable<[string, string]>, body: string, setCookies: string[] = []) => {
    res.statusCode = status
    for (const [name, value] of headers) if (name !== 'set-cookie') res.setHeader(name, value)
    // Several Set-Cookie headers cannot go through setHeader one by one.
    if (setCookies.length) res.setHeader('Set-Cookie', setCookies)
    res.setHeader('Content-Length', Buffer.byteLength(body))
    res.end(body)
  }

  return async (req: ExpressRequest, res: ExpressResponse, next: (error?: unknown) => void) => {
    const nonce = res.locals.cspNonce ?? ''
    const key = nonce === '' ? null : anonymousPageKey(req, pathSet)
    if (key === null) return next()
    const cached = cache.get(key)
    if (cached) return write(res, cached.status, cached.headers, withNonce(cached, nonce))
    try {
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(name, value)
        else if (value) for (const one of value) headers.append(name, one)
      }
      // server.mjs has already refused a Host that makes no URL (400).
      const request = new Request(`${req.protocol}://${req.headers.host ?? req.hostname}${req.originalUrl}`, { method: 'GET', headers })
      const response = await handle(request, getLoadContext(req, res))
      const body = await response.text()
      // An answer that sets a cookie is never kept (isShareable).
      if (isShareable(response.status, response.headers)) cache.set(key, { status: response.status, headers: [...response.headers.entries()], body, nonce })
      write(res, response.status, response.headers.entries(), body, response.headers.getSetCookie())
    } catch (error) {
      next(error)
    }
  }
}
