import { render } from '@react-email/render'
import { createElement } from 'react'
import { describe, expect, test } from 'vitest'
import { SenderContext } from '#emails/components/sender'
import { eventCatalogue, type EventName } from '~/events'
import { LOCALES } from '~/i18n/locales'
import { emailTranslator } from './i18n.server'
import { TEMPLATE_IDS, templates, type PropsInput, type TemplateDefinition } from './registry.server'
import { renderHtml } from './render-html.server'
import { renderEmail, senderOf } from './render.server'

// The comments React's streaming renderer writes for hydration; the synchronous one writes none.
const HYDRATION_MARKERS = /<!--(?:\$|\/\$|html|head|body)-->/g
const APP_URL = 'http://localhost:5173'

describe("an email's HTML is React Email's render() markup, without React's hydration comments", () => {
  for (const id of TEMPLATE_IDS) {
    const definition = templates[id] as unknown as TemplateDefinition<EventName, object>
    const entry = eventCatalogue[definition.event]
    const samples = entry.samples as Record<string, { data: unknown; context?: unknown }>
    for (const [sample, input] of Object.entries(samples)) {
      test(`${id} / ${sample}, every language, with and without an unsubscribe link`, async () => {
        for (const locale of LOCALES) {
          for (const unsubscribeUrl of [null, `${APP_URL}/unsubscribe/sample-token`]) {
            const sent = await renderEmail(id, input as never, locale, { appUrl: APP_URL, unsubscribeUrl })
            const props = definition.props({
              data: entry.schema.parse(input.data),
              context: entry.context?.parse(input.context),
              locale,
              appUrl: APP_URL,
              t: emailTranslator(locale),
            } as PropsInput<EventName>)
            const reactEmail = await render(
              createElement(SenderContext.Provider, { value: senderOf({ appUrl: APP_URL, unsubscribeUrl }) }, createElement(definition.component, props)),
            )
            expect(reactEmail).toMatch(HYDRATION_MARKERS)
            expect(sent.html).not.toMatch(HYDRATION_MARKERS)
            expect(sent.html).toBe(reactEmail.replace(HYDRATION_MARKERS, ''))
          }
        }
      })
    }
  }
})

describe('renderHtml', () => {
  test('starts with the XHTML doctype React Email puts first, once', () => {
    const html = renderHtml(createElement('html', null, createElement('body', null, 'Bonjour')))
    expect(html.startsWith('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html>')).toBe(true)
    expect(html.match(/<!DOCTYPE/g)).toHaveLength(1)
    expect(html.endsWith('<body>Bonjour</body></html>')).toBe(true)
  })

  test('a template that suspends throws instead of rendering an email without its content', () => {
    const Suspends = () => {
      throw new Promise(() => {})
    }
    expect(() => renderHtml(createElement('html', null, createElement('body', null, createElement(Suspends))))).toThrow()
  })
})
