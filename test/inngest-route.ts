import { action, loader } from '~/routes/api.inngest'

/** The serve URL as the functions' tests reach it (the route module called in process). */
export const inngestEndpoint = 'http://localhost:5173/api/inngest'

/**
 * The /api/inngest route module as React Router calls it (GET to the loader, anything else to the
 * action), with the signature of `fetch`, so the executor double (test/mocks/inngest-executor.ts) can
 * drive functions in process over the SDK's protocol.
 */
export async function callInngestRoute(url: string, init: RequestInit = {}): Promise<Response> {
  // The serve handler resolves the URL against the Host header, which a server request always has.
  const request = new Request(url, { ...init, headers: { ...(init.headers as Record<string, string>), Host: new URL(url).host } })
  const handler = request.method === 'GET' ? loader : action
  return (await handler({ request, params: {}, context: {} } as never)) as Response
}
