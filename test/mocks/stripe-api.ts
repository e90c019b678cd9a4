import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

export type StripeCustomerFixture = { email?: string | null; name?: string | null; preferred_locales?: string[]; deleted?: boolean }
export type RecordedRequest = { method: string; path: string; authorization: string | undefined }

/**
 * A loopback stand-in for the parts of Stripe's API Courrier calls (`GET /v1/customers/:id`), so tests
 * drive the real `stripe` SDK (STRIPE_API_URL) without a network. `failNext(n)` answers the next n
 * requests with a 500, as Stripe does during an incident.
 */
export async function startStripeApiDouble() {
  const customers = new Map<string, StripeCustomerFixture>()
  const requests: RecordedRequest[] = []
  let failures = 0

  const server = createServer((req: IncomingMessage, res) => {
    const path = req.url ?? '/'
    requests.push({ method: req.method ?? 'GET', path, authorization: req.headers.authorization })
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': `req_double_${requests.length}` })
      res.end(JSON.stringify(body))
    }
    if (!req.headers.authorization?.startsWith('Bearer sk_')) {
      return reply(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } })
    }
    if (failures > 0) {
      failures--
      return reply(500, { error: { type: 'api_error', message: 'An unknown error occurred (test double)' } })
    }
    const match = /^\/v1\/customers\/([^/?]+)/.exec(path)
    if (req.method === 'GET' && match) {
      const id = decodeURIComponent(match[1]!)
      const customer = customers.get(id)
      if (!customer) {
        return reply(404, { error: { type: 'invalid_request_error', code: 'resource_missing', param: 'id', message: `No such customer: '${id}'` } })
      }
      if (customer.deleted) return reply(200, { id, object: 'customer', deleted: true })
      return reply(200, {
        id,
        object: 'customer',
        email: customer.email ?? null,
        name: customer.name ?? null,
        preferred_locales: customer.preferred_locales ?? [],
        created: Math.floor(Date.now() / 1000),
        livemode: false,
        metadata: {},
      })
    }
    reply(404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${path})` } })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    customers,
    requests,
    failNext: (count: number) => void (failures = count),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
