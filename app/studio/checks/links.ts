import type { ParsedEmail } from './parse-html'
import { result, type CheckResult, type Finding } from './types'

export type LinkCheckOptions = {
  production: boolean
  /** The app's own URL (APP_URL): in development its http:// links are expected, not a defect. */
  appUrl: string
}

const LOCAL_HOST = /^(localhost|.*\.localhost|127(\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\]|.*\.local|.*\.internal)$/i
const SAFE_SCHEMES = new Set(['mailto:', 'tel:'])

/** Links must be absolute https URLs (mailto: and tel: too are fine), never localhost in production. */
export function checkLinks(parsed: Pick<ParsedEmail, 'links'>, options: LinkCheckOptions): CheckResult {
  const appOrigin = new URL(options.appUrl).origin
  const findings: Finding[] = []
  for (const link of parsed.links) {
    const href = link.href?.trim() ?? ''
    const params = { href: href.length > 120 ? `${href.slice(0, 117)}…` : href, text: link.text.slice(0, 60) }
    if (!href) {
      findings.push({ key: 'linkEmpty', params, status: 'fail' })
      continue
    }
    let url: URL
    try {
      url = new URL(href)
    } catch {
      findings.push({ key: 'linkRelative', params, status: 'fail' })
      continue
    }
    if (SAFE_SCHEMES.has(url.protocol)) continue
    const local = LOCAL_HOST.test(url.hostname)
    if (options.production && local) {
      findings.push({ key: 'linkLocalhost', params, status: 'fail' })
      continue
    }
    if (url.protocol === 'https:') continue
    if (url.protocol === 'http:' && !options.production && url.origin === appOrigin) continue
    findings.push({ key: url.protocol === 'http:' ? 'linkNotHttps' : 'linkScheme', params: { ...params, scheme: url.protocol }, status: 'fail' })
  }
  return result('links', findings)
}
