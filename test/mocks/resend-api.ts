// A loopback stand-in for Resend's API, for tests only. It answers `POST /emails` as Resend does,
// including its idempotency (same key and payload: the first email's id; same key, other payload: 409),
// records every request, and can be told to answer the next requests with an error or drop the connection.
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingHttpHeaders } from 'node:http'

export type RecordedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: any }
export type Scripted = { status: number; body: unknown; headers?: Record<string, string> } | 'drop' | { slowMs: number }

export async function startResendDouble({ port: listenPort = 0 }: { port?: number } = {}) {
  const requests: RecordedRequest[] = []
  const script: Scripted[] = []
  const sent = new Map<string, { id: string; body: string }>()
  // Every email taken, in order, as end-to-end specs read it back (GET /_test/emails).
  const log: Array<{ id: string; to: string[]; subject: string; tags: Array<{ name: string; value: string }> }> = []
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: raw ? JSON.parse(raw) : null })
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
      res.end(JSON.stringify(body))
    }
    if (req.method === 'GET' && req.url === '/_test/emails') return reply(200, log)
    const next = script.shift()
    if (next === 'drop') return req.socket.destroy()
    // Slow: the email is taken (and sent) as usual, but the answer comes after the client gave up.
    if (next && 'slowMs' in next) await new Promise((resolve) => setTimeout(resolve, next.slowMs))
    else if (next) return reply(next.status, next.body, next.headers)
    if (res.destroyed) return
    if (req.method !== 'POST' || req.url !== '/emails') return reply(404, { statusCode: 404, name: 'not_found', message: 'Not found' })
    const key = req.headers['idempotency-key']
    if (typeof key === 'string') {
      const previous = sent.get(key)
      if (previous && previous.body !== raw) {
        return reply(409, { statusCode: 409, name: 'invalid_idempotent_request', message: 'Same idempotency key used with a different request payload.' })
      }
      if (previous) return reply(200, { id: previous.id })
    }
    const id = randomUUID()
    if (typeof key === 'string') sent.set(key, { id, body: raw })
    const body = raw ? JSON.parse(raw) : {}
    log.push({ id, to: body.to ?? [], subject: body.subject ?? '', tags: body.tags ?? [] })
    reply(200, { id })
  })
  await new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Answers the next requests with these, in order, before going back to normal. */
    failNext: (...responses: Scripted[]) => script.push(...responses),
    /** Emails Resend would have sent (one per idempotency key). */
    emailsSent: () => sent.size,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
