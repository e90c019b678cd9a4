// A loopback stand-in for Inngest's event API, for tests only: it accepts `POST /e/:key` like Inngest
// (dev server or cloud) and keeps what it received. `GET /_received` lists it; `POST /_mode` switches
// it between accepting and failing, to test the outbox while the event API is down. It also takes an
// app's sync as Inngest's API does (`POST /fn/register`, which the SDK sends on `PUT /api/inngest`) and
// keeps the function configurations (`GET /_registered`): the executor double reads `cancelOn` there.
import { createServer } from 'node:http'

export function startInngestEventApi({ port = 0, host = '127.0.0.1' } = {}) {
  const received = []
  const registered = []
  let mode = 'up'
  const server = createServer(async (req, res) => {
    const chunks = []
    for await (const chunk of req) chunks.push(chunk)
    const body = Buffer.concat(chunks).toString('utf8')
    const reply = (status, payload) => {
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(payload))
    }
    if (req.method === 'GET' && req.url === '/_received') return reply(200, received)
    if (req.method === 'GET' && req.url === '/_registered') return reply(200, registered)
    if (req.method === 'POST' && req.url?.startsWith('/fn/register')) {
      const { functions = [] } = JSON.parse(body)
      for (const fn of functions) {
        const at = registered.findIndex((r) => r.id === fn.id)
        if (at === -1) registered.push(fn)
        else registered[at] = fn
      }
      return reply(200, { status: 200, modified: true })
    }
    if (req.method === 'POST' && req.url === '/_mode') {
      mode = JSON.parse(body).mode
      return reply(200, { mode })
    }
    if (req.method === 'POST' && req.url?.startsWith('/e/')) {
      if (mode === 'down') return reply(503, { error: 'event API unavailable (test double)' })
      const events = [JSON.parse(body)].flat()
      received.push(...events)
      return reply(200, { ids: events.map((e) => e.id), status: 200 })
    }
    reply(404, { error: 'not found' })
  })
  return new Promise((resolve) =>
    server.listen(port, host, () => {
      const { port: actual } = server.address()
      resolve({
        url: `http://${host}:${actual}`,
        received,
        registered,
        setMode: (m) => (mode = m),
        // Unreachable, as when nothing runs on the port (connections refused), then back on the same port.
        stopListening: () => new Promise((r) => server.close(() => r())),
        listenAgain: () => new Promise((r) => server.listen(actual, host, () => r())),
        close: () => new Promise((r) => server.close(() => r())),
      })
    }),
  )
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const api = await startInngestEventApi({ port: Number(process.env.PORT ?? 8289) })
  console.log(`Inngest event API test double listening on ${api.url}`)
}
