import type { MiddlewareFunction } from 'react-router'
import { SESSION_COOKIE } from '~/auth/session.server'

const hasSession = (cookies: string[]) => cookies.some((cookie) => cookie.trimStart().startsWith(`${SESSION_COOKIE}=`))

/**
 * Every page and data request of a signed-in browser shows its user's data (the header names them), and
 * so does the answer that signs them in: no browser history or shared cache may keep them. Reading the
 * cookie's presence, not the session, keeps this free of a database read.
 */
export const noStoreWhenSignedIn: MiddlewareFunction<Response> = async ({ request }, next) => {
  const response = await next()
  if (hasSession((request.headers.get('Cookie') ?? '').split(';')) || hasSession(response.headers.getSetCookie())) {
    response.headers.set('Cache-Control', 'private, no-store')
  }
  return response
}
