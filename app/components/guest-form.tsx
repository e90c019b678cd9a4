import type { ReactNode } from 'react'
import { useTranslation } from '~/i18n/translation'
import { Form, Link, useActionData, useNavigation } from 'react-router'
import type { UiKey } from '~/i18n/keys'
import { FormError } from './field'
import { Honeypot } from './honeypot'
import { SubmitButton, useFocusOnAnswer } from './submit'

// Each public form's title and submit label (`<page>.title`, `<page>.submit`), and the way to the other one.
const PAGES = {
  signup: { question: 'signup.haveAccount', to: '/login', link: 'nav.login' },
  login: { question: 'login.noAccount', to: '/signup', link: 'nav.signup' },
  forgotPassword: { question: 'forgotPassword.remembered', to: '/login', link: 'nav.login' },
  resetPassword: { question: 'resetPassword.remembered', to: '/login', link: 'nav.login' },
} as const

type GuestFormProps = {
  page: keyof typeof PAGES
  /** The form-level refusal (rate limit, wrong credentials, cross-site post…), if any. */
  formError?: UiKey
  /** A line under the title saying what the form does (forgotten password, new password). */
  intro?: string
  children: ReactNode
}

/** A card holding one public form (signup, login, forgotten and new password): its title, the honeypot, the fields, one submit button. */
export function GuestForm({ page, formError, intro, children }: GuestFormProps) {
  const { t } = useTranslation()
  const submitting = useNavigation().state === 'submitting'
  const formRef = useFocusOnAnswer(useActionData())
  const other = PAGES[page]
  return (
    <section className="card guest-form">
      <h1>{t(`${page}.title`)}</h1>
      {intro ? <p>{intro}</p> : null}
      <Form method="post" noValidate ref={formRef}>
        <FormError error={formError} />
        <Honeypot />
        {children}
        <SubmitButton pending={submitting}>{t(`${page}.submit`)}</SubmitButton>
      </Form>
      <p className="card-footer">
        {t(other.question)} <Link to={other.to}>{t(other.link)}</Link>
      </p>
    </section>
  )
}
