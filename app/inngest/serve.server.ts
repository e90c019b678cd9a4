import { env } from '~/env.server'
import { CLOSE_CONNECTION, readBodyWithLimit } from '~/http/read-body.server'

/**
 * Inngest documents up to 32 MB of run state (events and step results), 4 MB a step result, and 256 KiB
 * an event on its free plan (3 MiB on paid ones); Courrier's runs carry one event of a few KB (the
 * catalogue's schemas bound every field) and steps that return ids, far under 256 KiB. The SDK parses
 * and canonicalizes a body before it checks the signature, at up to 60 times the body in heap: 256 KiB
 * keeps a forged call well inside the 128 MB heap cap, and large bodies are parsed one at a time.
 * docs/decisions/0009-hardening.md
 */
export const MAX_INNGEST_BODY_BYTES = 256 * 1024
// Above this, a body waits for the one before it; more than MAX_WAITING waiting get a 429.
const LARGE_BODY_BYTES = 64 * 1024
const MAX_WAITING = 4
export const INNGEST_SERVE_PATH = '/api/inngest'

type Handler = (args: { request: Request; context?: unknown }) => Promise<Response>
let handler: Promise<Handler> | undefined

/**
 * Inngest's handler, built on the first call: the SDK and the functions load then, not at the server's
 * start (docs/decisions/0085-inngest-loads-on-first-use.md).
 */
function inngestHandler(): Promise<Handler> {
  handler ??= Promise.all([import('inngest/remix'), import('./client.server'), import('./functions.server')]).then(
    ([{ serve }, { inngest }, { functions }]) =>
      serve({
        client: inngest,
        functions,
        // Where Inngest is told to call: APP_URL, never the Host of the request that asked for a sync.
        serveOrigin: new URL(env.APP_URL).origin,
        servePath: INNGEST_SERVE_PATH,
      }) as Handler,
  )
  // A failed load is tried again on the next call rather than kept.
  handler.catch(() => (handler = undefined))
  return handler
}

function json(status: number, message: string, headers?: HeadersInit) {
  return Response.json({ message }, { status, headers })
}

/**
 * The request the SDK sees: at most MAX_INNGEST_BODY_BYTES read, and in cloud mode no body at all from
 * an unsigned caller (an unsigned POST is refused unread; an unsigned PUT, an out-of-band sync, needs
 * none). A Response when the request is refused.
 */
let largeBodies: Promise<unknown> = Promise.resolve()
let waiting = 0

/** Runs `task` after every large body before it: two forged calls never parse at the same time. */
async function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  waiting++
  const turn = largeBodies.then(task)
  largeBodies = turn.catch(() => {})
  try {
    return await turn
  } finally {
    waiting--
  }
}

async function boundedRequest(request: Request): Promise<{ request: Request; bodyLeftUnread: boolean; large: boolean } | Response> {
  if (request.method !== 'POST' && request.method !== 'PUT') return { request, bodyLeftUnread: false, large: false }
  if (!env.INNGEST_DEV && !request.headers.has('X-Inngest-Signature')) {
    if (request.method === 'POST') return json(401, 'X-Inngest-Signature is required', request.body ? CLOSE_CONNECTION : undefined)
    return { request: new Request(request.url, { method: 'PUT', headers: request.headers }), bodyLeftUnread: request.body !== null, large: false }
  }
  const body = await readBodyWithLimit(request, MAX_INNGEST_BODY_BYTES)
  if (!body) return json(413, `The request body is larger than ${MAX_INNGEST_BODY_BYTES} bytes`, CLOSE_CONNECTION)
  const forwarded = new Request(request.url, { method: request.method, headers: request.headers, body: new Uint8Array(body) })
  return { request: forwarded, bodyLeftUnread: false, large: body.byteLength > LARGE_BODY_BYTES }
}

/**
 * /api/inngest: Inngest's handler behind a body limit, with two of its answers corrected. A body that
 * is not JSON makes the SDK throw (a 500 from React Router) where the caller sent a bad request; and an
 * out-of-band sync (an unsigned PUT) that cannot reach Inngest's API is an upstream failure, not ours.
 */
export async function handleInngestRequest(args: { request: Request; context?: unknown }): Promise<Response> {
  const bounded = await boundedRequest(args.request)
  if (bounded instanceof Response) return bounded
  const { request, bodyLeftUnread, large } = bounded
  if (large && waiting >= MAX_WAITING) return json(429, 'Too many large calls at once', { 'Retry-After': '5' })
  const response = large ? await oneAtATime(() => answer({ ...args, request })) : await answer({ ...args, request })
  // The client's next request on this connection would be read from the rest of the ignored body.
  if (bodyLeftUnread) response.headers.set('Connection', 'close')
  return response
}

async function answer(args: { request: Request; context?: unknown }) {
  try {
    const response = await (await inngestHandler())(args)
    if (args.request.method === 'PUT' && response.status === 500) return json(502, 'Could not reach Inngest to register the functions')
    return response
  } catch (error) {
    if (error instanceof SyntaxError) return json(400, 'The request body is not valid JSON')
    throw error
  }
}
