import type { EmailStrings } from '#locales/emails.server'
import type { EventContext, EventData, EventName } from '~/events'
import type { Locale } from '~/i18n/locales'

/**
 * The types a template is written against. They live beside the templates so that a template (and the
 * React Email CLI opening it on its own) needs nothing from the app's email module; the app imports
 * them from here. The language list itself stays in `~/i18n/locales`, its one owner.
 */
export type { Locale }

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>
}[keyof T & string]

/** Every key of `locales/en/emails.json`, as a dotted path: a typo in a template fails the typecheck. */
export type EmailKey = Leaves<EmailStrings>

/** The translation function a template receives, fixed to the recipient's locale. */
export type EmailT = (key: EmailKey, values?: Record<string, string | number>) => string

/** What every template (and the layout) receives: the recipient's locale and its translator. */
export interface EmailProps {
  t: EmailT
  locale: Locale
}

/** Props of an email to a user of ours, greeted by name (account and security emails). */
export interface AccountEmailProps extends EmailProps {
  userName: string
}

/** An email to a user who signed up: greeted by name, with a way back to their dashboard. */
export interface UserEmailProps extends EmailProps {
  userName: string
  dashboardUrl: string
}

/**
 * What a template's props are built from (its `fromEvent`): the event's data, what the step read fresh
 * for the email (the catalogue's `context`, when it reads any), the locale and its translator, and the
 * base of every link (APP_URL unless told otherwise).
 */
export interface EventInput<E extends EventName> {
  data: EventData<E>
  context: EventContext<E>
  locale: Locale
  appUrl: string
  t: EmailT
}
