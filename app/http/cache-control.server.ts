import type { MiddlewareFunction } from 'react-router'
import { SESSION_COOKIE } from '~/auth/session.server'
import { isMachineEndpoint } from './machine-endpoints.server'

const hasSession = (cookies: string[]) => cookies.some((cookie) => cookie.trimStart().startsWith(`${SESSION_COOKIE}=`))

/** What every page and data answer is made from, beside its URL: the language (cookie or header) and the session. */
const VARY = 'Accept-Language, Cookie'

/**
 * Every page and data request of a signed-in browser shows its user's data (the header names them), and
 * so does the answer that signs them in: no browser history or shared cache may keep them. Reading the
 * cookie's presence, not the session, keeps this free of a database read. Every other answer but the
 * machine endpoints' says it varies with the language and the cookies (`Vary`), so a shared cache in
 * front (a CDN) never serves one visitor's language, or a signed-out page, to another.
 */
export const cacheHeaders: MiddlewareFunction<Response> = async ({ request }, next) => {
  const response = await next()
  if (!isMachineEndpoint(new URL(request.url).pathname)) response.headers.append('Vary', VARY)
  if (hasSession((request.headers.get('Cookie') ?? '').split(';')) || hasSession(response.headers.getSetCookie())) {
    response.headers.set('Cache-Control', 'private, no-store')
  }
  return response
}
