import { env } from '~/env.server'

// URL parsers drop tabs and line breaks (`/\t/evil.example` reads as `//evil.example`), and a line break
// in a Location header is a 500: any control character sends the browser to the default page.
const CONTROL = /\p{Cc}/u

/**
 * Where to send the browser after a form: `to` resolved against APP_URL, kept only when it stays on the
 * app's origin, and returned as an encoded path (`/x?q=%C3%A9`). Anything else gives `fallback`.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/') {
  if (typeof to !== 'string' || to === '' || CONTROL.test(to)) return fallback
  const app = new URL(env.APP_URL)
  let target: URL
  try {
    target = new URL(to, app)
  } catch {
    return fallback
  }
  // `/x/..//evil.example` resolves to the path `//evil.example`, which a browser reads as another host.
  if (target.origin !== app.origin || target.pathname.startsWith('//')) return fallback
  return `${target.pathname}${target.search}${target.hash}`
}
