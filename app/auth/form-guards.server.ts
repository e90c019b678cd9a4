import { data, type RouterContextProvider, type UNSAFE_DataWithResponseInit } from 'react-router'
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
import { clientAddressContext } from '~/context'
import { env } from '~/env.server'
import type { FormErrors } from '~/http/parse-form.server'
import { CLOSE_CONNECTION, readBodyWithLimit } from '~/http/read-body.server'

type Rejection = { errors: FormErrors; values: Record<string, string> }

export const MAX_FORM_BYTES = 16 * 1024
export const HONEYPOT_FIELD = 'website'

/** A refused form: its status, a translation key per field, and what was typed (never the password). */
export function rejectForm(status: number, errors: FormErrors, values: Record<string, string> = {}, headers?: HeadersInit) {
  return data<Rejection>({ errors, values }, { status, headers })
}

/**
 * Refuses a form posted from another site. Browsers send `Origin` on every POST; `Sec-Fetch-Site`
 * covers the rare client that strips it. The app's own origin is APP_URL or the Host it was reached at.
 */
export function checkSameOrigin(request: Request) {
  const origin = request.headers.get('Origin')
  const allowed = new Set([new URL(env.APP_URL).origin, new URL(request.url).origin])
  const host = request.headers.get('Host')
  if (host) allowed.add(`${new URL(request.url).protocol}//${host}`)
  const crossSite = origin ? origin === 'null' || !allowed.has(origin) : request.headers.get('Sec-Fetch-Site') === 'cross-site'
  if (crossSite) throw rejectForm(403, { form: 'errors.crossOrigin' })
}

/** Reads a urlencoded or multipart form, refusing bodies larger than any real form of ours. */
export async function readForm(request: Request): Promise<FormData> {
  const body = await readBodyWithLimit(request, MAX_FORM_BYTES)
  if (!body) throw rejectForm(413, { form: 'errors.formTooLarge' }, {}, CLOSE_CONNECTION)
  const type = request.headers.get('Content-Type') ?? ''
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const form = new FormData()
    for (const [key, value] of new URLSearchParams(body.toString('utf8'))) form.append(key, value)
    return form
  }
  try {
    return await new Request(request.url, { method: 'POST', headers: { 'Content-Type': type }, body: new Uint8Array(body) }).formData()
  } catch {
    throw rejectForm(400, { form: 'errors.rejected' })
  }
}

/** Bots fill every field; people never see this one. */
export function checkHoneypot(form: FormData) {
  const value = form.get(HONEYPOT_FIELD)
  if (typeof value === 'string' && value !== '') throw rejectForm(400, { form: 'errors.rejected' })
}

const limiters = new Map<string, RateLimiterMemory>()
function limiterFor(scope: string) {
  let limiter = limiters.get(scope)
  if (!limiter) {
    limiter = new RateLimiterMemory({ keyPrefix: scope, points: env.RATE_LIMIT_PER_MINUTE, duration: 60 })
    limiters.set(scope, limiter)
  }
  return limiter
}

/** At most RATE_LIMIT_PER_MINUTE attempts a minute from one client address, per form. */
export async function checkRateLimit(scope: string, context: Readonly<RouterContextProvider>, values: Record<string, string> = {}) {
  await checkRateLimitOf(scope, context.get(clientAddressContext), values)
}

/**
 * At most RATE_LIMIT_PER_MINUTE attempts a minute for one key (an email address's hash, a user id…) in
 * this scope, whichever client they come from; refused with 429 and Retry-After like `checkRateLimit`.
 */
export async function checkRateLimitOf(scope: string, key: string, values: Record<string, string> = {}) {
  try {
    await limiterFor(scope).consume(key)
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error
    const retryAfter = Math.max(1, Math.ceil(error.msBeforeNext / 1000))
    throw rejectForm(429, { form: 'errors.rateLimited' }, values, { 'Retry-After': String(retryAfter) })
  }
}

/**
 * Runs a form action after checking that the form was posted from this site, and returns, rather than
 * throws, the guards' rejections: React Router sends a thrown `data()` to the error boundary, while a
 * returned one reaches the form with its status.
 */
export async function formAction<T>(request: Request, run: () => Promise<T>, { sameOrigin = true }: { sameOrigin?: boolean } = {}) {
  try {
    // Off only for an endpoint other sites' servers post to by design (one-click unsubscribe), whose URL carries its authorization.
    if (sameOrigin) checkSameOrigin(request)
    return await run()
  } catch (error) {
    if (isDataWithInit(error)) return error as UNSAFE_DataWithResponseInit<Rejection>
    throw error
  }
}

// React Router exports the class as a type only; its instances carry this tag at run time.
function isDataWithInit(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'DataWithResponseInit'
}

/**
 * The route `headers` export of every form route: React Router sends an action's own headers
 * (Retry-After on a 429, Connection: close on a 413), returned or thrown, only when the route forwards them.
 */
export function forwardActionHeaders({ actionHeaders, loaderHeaders, errorHeaders }: { actionHeaders: Headers; loaderHeaders: Headers; errorHeaders?: Headers }) {
  const headers = new Headers(loaderHeaders)
  actionHeaders.forEach((value, key) => headers.set(key, value))
  errorHeaders?.forEach((value, key) => headers.set(key, value))
  return headers
}
