import { RouterContextProvider } from 'react-router'
import { clientAddressContext } from '~/context'
import { i18nextMiddleware } from '~/i18n/i18next.server'

type Args = { request: Request; context: RouterContextProvider; params: Record<string, string> }

/**
 * Calls a loader or action the way React Router does: through the root middleware (language
 * detection), with a client address in the context (a new one per call unless given, so rate
 * limits only apply where a test asks for them). Returns whatever the route returned or threw.
 */
export async function callRoute<T>(
  // Route modules type their own args (with url, pattern…); the harness supplies what they read.
  fn: (args: never) => Promise<T> | T,
  request: Request,
  { params = {}, clientAddress = `test-client-${crypto.randomUUID()}` }: { params?: Record<string, string>; clientAddress?: string } = {},
): Promise<T> {
  const context = new RouterContextProvider()
  context.set(clientAddressContext, clientAddress)
  let result: { ok: true; value: T } | { ok: false; error: unknown } | undefined
  await i18nextMiddleware({ request, context, params, unstable_pattern: '/' } as never, async () => {
    try {
      const args: Args = { request, context, params }
      result = { ok: true, value: await fn(args as never) }
    } catch (error) {
      result = { ok: false, error }
    }
    return new Response(null)
  })
  if (!result) throw new Error('middleware did not call next()')
  if (!result.ok) throw result.error
  return result.value
}

export const APP = 'http://localhost:5173'

/** A form POST as a browser on this site sends it. */
export function formRequest(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return new Request(`${APP}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: APP, ...headers },
    body: new URLSearchParams(fields).toString(),
  })
}

/** The status and body of what a route returned: a Response or a `data()` value. */
export function unwrap(result: unknown): { status: number; body: any; headers: Headers } {
  if (result instanceof Response) return { status: result.status, body: null, headers: result.headers }
  const value = result as { type?: string; data?: unknown; init?: ResponseInit | null }
  if (value && value.type === 'DataWithResponseInit') {
    return { status: value.init?.status ?? 200, body: value.data, headers: new Headers(value.init?.headers) }
  }
  return { status: 200, body: result, headers: new Headers() }
}
