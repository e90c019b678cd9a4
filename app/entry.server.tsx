import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable } from '@react-router/node'
import { isbot } from 'isbot'
import type { RenderToPipeableStreamOptions } from 'react-dom/server'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import type { EntryContext, RouterContextProvider } from 'react-router'
import { ServerRouter } from 'react-router'
import { NonceProvider } from './components/nonce'
import { cspNonceContext } from './context'
import { getInstance } from './i18n/i18next.server'
import { TranslationProvider } from './i18n/translation'
import { startRelay } from './outbox/index.server'

// Loading the server build starts delivering the outbox, so events a crash left pending go out at start-up.
startRelay()

export const streamTimeout = 5_000

export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, entryContext: EntryContext, routerContext: RouterContextProvider) {
  return new Promise((resolve, reject) => {
    let shellRendered = false
    const userAgent = request.headers.get('user-agent')
    const readyOption: keyof RenderToPipeableStreamOptions = (userAgent && isbot(userAgent)) || entryContext.isSpaMode ? 'onAllReady' : 'onShellReady'

    const nonce = routerContext.get(cspNonceContext) || undefined
    // Abort a render that never finishes; cleared as soon as it does. Left pending, each timer would keep
    // its whole render alive for six seconds: at a few hundred pages a second, hundreds of megabytes.
    let timer: NodeJS.Timeout | undefined
    let finished = false
    const respond = () => {
      shellRendered = true
      const body = new PassThrough()
      const stream = createReadableStreamFromReadable(body)
      responseHeaders.set('Content-Type', 'text/html')
      resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }))
      pipe(body)
    }
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce ?? ''}>
        <I18nextProvider i18n={getInstance(routerContext)}>
          <TranslationProvider>
            <ServerRouter context={entryContext} url={request.url} nonce={nonce} />
          </TranslationProvider>
        </I18nextProvider>
      </NonceProvider>,
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

// The production server (server.mjs) reads these to hand each request its client address and CSP nonce,
// to answer 405 for methods a route does not serve, and for its listening and proxy settings.
export { clientAddressContext, cspNonceContext } from './context'
export { methodsFor } from './http/methods.server'
export { anonymousPageCache } from './http/page-cache.server'
export { serverSettings } from './http/server-settings.server'
// The request handler and the context class from this build's own (production) copy of React Router.
export { createRequestHandler } from '@react-router/express'
export { RouterContextProvider } from 'react-router'
// server.mjs's own dependencies, bundled here too: Node then loads one file instead of about a hundred.
export { default as compression } from 'compression'
export { default as express } from 'express'
export { default as helmet } from 'helmet'
