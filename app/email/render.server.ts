import { plainTextSelectors } from '@react-email/render'
import { compile, type HtmlToTextOptions } from 'html-to-text'
import { createElement } from 'react'
import { SenderContext, type EmailSender } from '#emails/components/sender'
import { env } from '~/env.server'
import { eventCatalogue, type EventName } from '~/events'
import type { Locale } from '~/i18n/locales'
import { PREFERENCES_PATH } from './categories'
import { emailTranslator } from './i18n.server'
import { templates, type PropsInput, type TemplateDefinition, type TemplateId, type TemplateInput } from './registry.server'
import { renderHtml } from './render-html.server'

export type RenderedEmail = { subject: string; previewText: string; html: string; text: string }

export type RenderOptions = {
  /** Base of every link; defaults to APP_URL. */
  appUrl?: string
  /** A lifecycle email's unsubscribe page, linked from its footer. */
  unsubscribeUrl?: string | null
}

/** Who sends and where the recipient controls what they get: every footer shows it (emails/components/sender.tsx). */
export function senderOf(options: RenderOptions = {}): EmailSender {
  const appUrl = options.appUrl ?? env.APP_URL
  return {
    companyName: env.COMPANY_NAME,
    companyAddress: env.COMPANY_ADDRESS,
    preferencesUrl: new URL(PREFERENCES_PATH, appUrl).href,
    unsubscribeUrl: options.unsubscribeUrl ?? null,
  }
}

/**
 * Renders one template for one locale: subject and preview text from `locales/`, HTML, and a plain-text
 * alternative. The event data and the context are checked against their schemas first, so a preview
 * never shows data a real run could not have. Functions (through `sendEmail`) and the studio both
 * render here.
 */
export async function renderEmail<T extends TemplateId>(template: T, input: TemplateInput<T>, locale: Locale, options: RenderOptions = {}): Promise<RenderedEmail> {
  const definition = templates[template] as unknown as TemplateDefinition<EventName, object>
  const entry = eventCatalogue[definition.event]
  const data = entry.schema.parse(input.data)
  const context = entry.context ? entry.context.parse(input.context) : undefined
  const props = definition.props({ data, context, locale, appUrl: options.appUrl ?? env.APP_URL, t: emailTranslator(locale) } as PropsInput<EventName>)
  const html = renderHtml(createElement(SenderContext.Provider, { value: senderOf(options) }, createElement(definition.component, props)))
  return {
    subject: oneLine(definition.subject(props)),
    previewText: oneLine(definition.previewText(props)),
    html,
    text: toPlainText(html),
  }
}

// React Email's toPlainText() with our options, compiled once, on the first email: html-to-text rebuilds
// its selector tables on every convert() call, which was a fifth of the studio grid's time (compiling
// them as the module loads cost every server start, web processes included, ~1 % of its cold start).
let plainTextConverter: ((html: string) => string) | undefined
const toPlainText = (html: string) => (plainTextConverter ??= compile(plainTextOptions))(html)
const plainTextOptions: HtmlToTextOptions = {
  wordwrap: 78,
  selectors: [
    ...plainTextSelectors,
    // Headings keep their case: an all-caps "BIENVENUE !" reads as shouting.
    ...(['h1', 'h2', 'h3'] as const).map((selector) => ({ selector, options: { uppercase: false } })),
    // Label/value rows (e.g. a subscription summary) read as "Plan   Pro", not "PlanPro".
    { selector: 'table[data-text-table]', format: 'dataTable', options: { colSpacing: 3 } },
  ],
}

/** A subject is one header line: names typed by users must not be able to break it. */
function oneLine(value: string) {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim()
}
