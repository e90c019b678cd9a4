import { emailTranslator } from '~/email/i18n.server'
import type { EventName } from '~/events'
import type { EventInput, Locale } from '../types'

/** Where preview links point: the development server. */
const PREVIEW_APP_URL = 'http://localhost:5173'

/**
 * A template's `PreviewProps`, so that the React Email CLI (`email dev`) can open it on its own: its
 * `fromEvent` (what a real run uses) applied to one of its event's catalogue samples, in a locale, with
 * the app's email translator (no second i18next set-up). Imports nothing that imports the templates
 * (`app/email/registry.server.ts` does).
 *
 * Built on first read, not when the template loads: every template is in the server's start-up graph, and
 * fourteen translated, date-formatted previews were ~5 % of a cold start for props only the CLI and the
 * tests read (docs/decisions/0008-performance.md, cold start).
 */
export function definePreviewProps<E extends EventName, P>(
  component: object,
  fromEvent: (input: EventInput<E>) => P,
  sample: { data: EventInput<E>['data']; context?: EventInput<E>['context'] },
  locale: Locale,
): void {
  Object.defineProperty(component, 'PreviewProps', {
    configurable: true,
    enumerable: true,
    get() {
      const value = previewProps(fromEvent, sample, locale)
      Object.defineProperty(component, 'PreviewProps', { value, configurable: true, enumerable: true, writable: true })
      return value
    },
  })
}

function previewProps<E extends EventName, P>(
  fromEvent: (input: EventInput<E>) => P,
  // A catalogue sample: events whose steps read nothing have no `context` (see app/events/samples.ts).
  sample: { data: EventInput<E>['data']; context?: EventInput<E>['context'] },
  locale: Locale,
): P {
  const context = sample.context as EventInput<E>['context']
  return fromEvent({ data: sample.data, context, locale, appUrl: PREVIEW_APP_URL, t: emailTranslator(locale) })
}
