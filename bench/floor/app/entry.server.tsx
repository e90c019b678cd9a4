// React Router's default server entry (streaming, bots wait for everything), with the CSP nonce handed to
// React's scripts and the abort timer cleared once the render is done, as Courrier's entry does.
import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable } from '@react-router/node'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { type EntryContext, type RouterContextProvider, ServerRouter } from 'react-router'
import { cspNonceContext, NonceContext } from './context'

export const streamTimeout = 5_000

export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, entryContext: EntryContext, routerContext: RouterContextProvider) {
  return new Promise((resolve, reject) => {
    let shellRendered = false
    const userAgent = request.headers.get('user-agent')
    const readyOption = (userAgent && isbot(userAgent)) || entryContext.isSpaMode ? 'onAllReady' : 'onShellReady'
    const nonce = routerContext.get(cspNonceContext) || undefined
    let timer: NodeJS.Timeout | undefined
    let finished = false
    const respond = () => {
      shellRendered = true
      const body = new PassThrough()
      responseHeaders.set('Content-Type', 'text/html')
      resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }))
      pipe(body)
    }
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <ServerRouter context={entryContext} url={request.url} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        onShellReady() {
          if (readyOption === 'onShellReady') respond()
        },
        onAllReady() {
          finished = true
          clearTimeout(timer)
          if (readyOption === 'onAllReady') respond()
        },
        onShellError(error: unknown) {
          finished = true
          clearTimeout(timer)
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) console.error(error)
        },
      },
    )
    if (!finished) timer = setTimeout(abort, streamTimeout + 1000)
  })
}

// The floor's server reads the nonce's context key from here, as Courrier's server.mjs does.
export { cspNonceContext } from './context'
