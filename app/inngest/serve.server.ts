import { serve } from 'inngest/remix'
import { inngest } from './client.server'
import { functions } from './functions.server'

const handler = serve({ client: inngest, functions })

function json(status: number, message: string) {
  return Response.json({ message }, { status })
}

/**
 * /api/inngest: Inngest's handler, with two of its answers corrected. A body that is not JSON makes the
 * SDK throw (a 500 from React Router) where the caller sent a bad request; and an out-of-band sync
 * (an unsigned PUT) that cannot reach Inngest's API is an upstream failure, not ours.
 */
export async function handleInngestRequest(args: { request: Request; context?: unknown }): Promise<Response> {
  try {
    const response = await handler(args)
    if (args.request.method === 'PUT' && response.status === 500) return json(502, 'Could not reach Inngest to register the functions')
    return response
  } catch (error) {
    if (error instanceof SyntaxError) return json(400, 'The request body is not valid JSON')
    throw error
  }
}
