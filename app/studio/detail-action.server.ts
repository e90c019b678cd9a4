import { data, type RouterContextProvider } from 'react-router'
import { checkRateLimit, readForm } from '~/auth/form-guards.server'
import type { StudioUser } from '~/auth/roles.server'
import { EmailSchema, LIMITS } from '~/auth/schemas'
import { isProduction } from '~/env.server'
import { getInstance } from '~/i18n/i18next.server'
import { detailRender, sampleJson, type DetailRender } from './detail.server'
import { emitSampleEvent, sendTestEmail } from './test-send.server'
import { isUiKey, type UiKey } from '~/i18n/keys'
import { isLocale } from '~/i18n/locales'
import { validateSampleData } from './sample-data.server'
import { resolveView, sampleInput, type TemplateId } from './templates.server'

export type DetailActionData =
  | { intent: 'preview'; data: string; lastGood: string; error: string | null; render: DetailRender }
  | { intent: 'send-test'; ok: true; to: string; messageId: string; transport: string }
  | { intent: 'emit'; ok: true; eventId: string; event: string }
  | { intent: 'send-test' | 'emit'; ok: false; error: UiKey; errorParams?: Record<string, string> }

const reject = (status: number, body: DetailActionData) => data(body, { status })

/**
 * The detail view's three forms. "preview" renders edited event data, or, when it is invalid, says
 * why in the schema's words and renders the last data that was valid; "send-test" sends the rendering
 * to an address; "emit" sends the event itself through the outbox.
 */
export async function detailAction(request: Request, context: Readonly<RouterContextProvider>, user: StudioUser, template: TemplateId, uiLocale: string) {
  const form = await readForm(request)
  const view = resolveView(template, new URLSearchParams({ locale: String(form.get('locale') ?? ''), sample: String(form.get('sample') ?? '') }), uiLocale)
  const intent = form.get('intent')
  const typed = String(form.get('data') ?? '')
  const i18n = getInstance(context)
  const messages = {
    locale: isLocale(uiLocale) ? uiLocale : 'en',
    translate: (message: string) => (isUiKey(message) ? i18n.t(message, LIMITS) : message),
    jsonInvalid: (at: { line: number; column: number } | null) => (at ? i18n.t('studio.data.jsonInvalidAt', at) : i18n.t('studio.data.jsonInvalid')),
  }

  if (intent === 'preview') {
    const options = { source: form.get('tab') === 'source' }
    const lastGood = String(form.get('lastGood') ?? '')
    const edited = validateSampleData(template, typed, messages)
    if (edited.ok) return { intent, data: typed, lastGood: typed, error: null, render: await detailRender(template, view.locale, edited.input, options) } satisfies DetailActionData
    // The last good data came from this page; if it was tampered with, fall back to the sample.
    const previous = validateSampleData(template, lastGood)
    const fallback = previous.ok ? { json: lastGood, input: previous.input } : { json: sampleJson(template, view.sample), input: sampleInput(template, view.sample)! }
    return reject(400, { intent, data: typed, lastGood: fallback.json, error: edited.message, render: await detailRender(template, view.locale, fallback.input, options) })
  }

  if (intent === 'send-test' || intent === 'emit') {
    const parsed = validateSampleData(template, typed)
    if (!parsed.ok) return reject(400, { intent, ok: false, error: 'studio.detail.dataInvalid' })
    if (intent === 'emit') {
      // A made-up event in production runs real functions on real data: only admins may do that there.
      if (isProduction && user.role !== 'admin') return reject(403, { intent, ok: false, error: 'studio.detail.emitAdminOnly' })
      await checkRateLimit('studio-emit', context)
      const eventId = emitSampleEvent(template, parsed.input.data)
      return { intent, ok: true, eventId, event: template } satisfies DetailActionData
    }
    const to = EmailSchema.safeParse(form.get('to') ?? '')
    if (!to.success) return reject(400, { intent, ok: false, error: 'errors.emailInvalid' })
    // A studio account that leaks must not become a relay for unlimited email.
    await checkRateLimit('studio-send', context)
    const sent = await sendTestEmail({ template, to: to.data, locale: view.locale, input: parsed.input })
    return { intent, ok: true, to: to.data, messageId: sent.id, transport: sent.transport } satisfies DetailActionData
  }
  return reject(400, { intent: 'send-test', ok: false, error: 'errors.rejected' })
}
