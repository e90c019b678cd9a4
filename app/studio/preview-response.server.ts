import { env } from '~/env.server'

/**
 * An email's HTML as its own document, for a sandboxed <iframe>: no scripts, no forms, no plugins, only
 * the images and styles an email may carry; links open outside the frame. The CSP's `sandbox` applies
 * even when the URL is opened directly rather than framed.
 */
export function emailHtmlResponse(html: string): Response {
  const appOrigin = new URL(env.APP_URL).origin
  const csp = [
    "default-src 'none'",
    `img-src https: data: ${appOrigin}`,
    "style-src 'unsafe-inline' https:",
    'font-src https: data:',
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
    'sandbox allow-popups allow-popups-to-escape-sandbox',
  ].join('; ')
  // Links in a preview open in a new tab instead of inside the small frame.
  const withBase = html.includes('<head>') ? html.replace('<head>', '<head><base target="_blank">') : `<base target="_blank">${html}`
  return new Response(withBase, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'private, no-store',
    },
  })
}
