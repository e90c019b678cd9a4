/**
 * Reads a request body, giving up as soon as it passes `limit` bytes, whatever Content-Length claimed:
 * an oversized or endless body never sits in memory. Null when the body is too large.
 */
export async function readBodyWithLimit(request: Request, limit: number): Promise<Buffer | null> {
  if (Number(request.headers.get('Content-Length') ?? 0) > limit) return null
  if (!request.body) return Buffer.alloc(0)
  const chunks: Uint8Array[] = []
  let total = 0
  const reader = request.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > limit) {
      await reader.cancel().catch(() => {})
      return null
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}

/**
 * Headers for a response that refuses a body unread: the connection is closed after it, so a client
 * that keeps connections alive does not send its next request into the rest of the refused body.
 */
export const CLOSE_CONNECTION = { Connection: 'close' } as const
