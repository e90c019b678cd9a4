import { render } from '@react-email/render'
import { createElement } from 'react'

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** Signs in through the real login form and returns the session cookie. */
export async function signIn(appUrl: string, origin: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${appUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
    body: new URLSearchParams({ email, password }).toString(),
  })
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__session='))
  if (res.status !== 302 || !cookie) throw new Error(`admin sign-in failed: ${res.status}`)
  return cookie.split(';')[0]!
}

/**
 * The studio grid (GET /admin/emails: every template × fr/en/es rendered, checked and laid out, one
 * server render over HTTP) against the sum of bare React Email `render()` calls for the same emails
 * (props built beforehand, HTML only), both as medians of `runs` rounds taken alternately.
 */
export async function gridRender(appUrl: string, cookie: string, runs = 9) {
  const { templates, TEMPLATE_IDS } = await import('../app/email/registry.server')
  const { eventCatalogue } = await import('../app/events')
  const { emailTranslator } = await import('../app/email/i18n.server')
  const { env } = await import('../app/env.server')
  const { LOCALES } = await import('../app/i18n/locales')

  const elements = TEMPLATE_IDS.flatMap((id) => {
    const definition = templates[id] as any
    const samples = eventCatalogue[definition.event as keyof typeof eventCatalogue].samples as Record<string, { data: unknown; context?: unknown }>
    const { data, context } = samples[definition.samples[0]]!
    return LOCALES.map((locale) =>
      createElement(definition.component, definition.props({ data, context, locale, appUrl: env.APP_URL, t: emailTranslator(locale) })),
    )
  })

  const bare = async () => {
    const started = performance.now()
    for (const element of elements) await render(element)
    return performance.now() - started
  }
  const grid = async () => {
    const started = performance.now()
    const res = await fetch(`${appUrl}/admin/emails`, { headers: { Cookie: cookie } })
    const html = await res.text()
    if (res.status !== 200 || !html.includes('</html>')) throw new Error(`/admin/emails answered ${res.status}`)
    return performance.now() - started
  }

  await bare()
  await grid()
  const bareTimes: number[] = []
  const gridTimes: number[] = []
  for (let i = 0; i < runs; i++) {
    bareTimes.push(await bare())
    gridTimes.push(await grid())
  }
  return { gridMs: Math.round(median(gridTimes) * 10) / 10, bareMs: Math.round(median(bareTimes) * 10) / 10, cells: elements.length, runs }
}
