import { useTranslation } from '~/i18n/translation'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/verify-email.$token'
import { checkConfirmationLink, confirmEmail } from '~/auth/email-verification.server'
import { checkRateLimit, formAction, forwardActionHeaders, readForm } from '~/auth/form-guards.server'
import { getUserId, sessionCookieFor, sessionIdOf } from '~/auth/session.server'
import { FormError } from '~/components/field'
import { SubmitButton } from '~/components/submit'
import { getInstance } from '~/i18n/i18next.server'

// A link that was never ours: 404; one that was, used or past its 7 days: 410. Nothing changes either way.
const STATUS = { invalid: 404, expired: 410, used: 410 } as const
type Refusal = keyof typeof STATUS

// The token is in the URL: no Referer carries it to another site, no cache keeps the page.
const PRIVATE = {
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
}

/**
 * The link shows a page with one button; the POST confirms. A GET alone changes nothing: mail security
 * scanners (Outlook's Safe Links, corporate gateways) open links before people do, and a GET that
 * confirmed would spend the single-use link and sign the scanner in (docs/decisions/0013-address-confirmation.md).
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const t = getInstance(context).t
  const link = checkConfirmationLink(params.token)
  const signedIn = (await getUserId(request)) !== null
  if (link.status !== 'valid')
    return data(
      {
        title: t(`verifyEmail.${link.status}Title`),
        state: link.status,
        email: null,
        signedIn,
      },
      { status: STATUS[link.status], headers: PRIVATE },
    )
  return data(
    {
      title: t('verifyEmail.title'),
      state: link.status,
      email: link.email,
      signedIn,
    },
    { headers: PRIVATE },
  )
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: data?.title ?? 'Courrier' }, { name: 'robots', content: 'noindex' }]

/**
 * Confirms: the link is spent, the address proven (`user/activated`, organizations waiting for it
 * claimed) and, unless this browser is already signed in as that user, a fresh session replaces
 * whatever it had, in one transaction. Then the dashboard says so.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  return formAction(request, async () => {
    await readForm(request)
    await checkRateLimit('verify-email', context)
    const result = confirmEmail({
      token: params.token,
      signedInUserId: await getUserId(request),
      previousSessionId: await sessionIdOf(request),
    })
    if (!result.ok) return data({ refused: result.error }, { status: STATUS[result.error], headers: PRIVATE })
    const headers: Record<string, string> = { ...PRIVATE }
    if (result.session) headers['Set-Cookie'] = await sessionCookieFor(result.session.id, result.session.expires)
    return redirect('/dashboard?confirmed=1', { headers })
  })
}

export default function VerifyEmail({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const submitting = useNavigation().state === 'submitting'
  const refused: Refusal | null = actionData && 'refused' in actionData ? actionData.refused : loaderData.state !== 'valid' ? loaderData.state : null
  if (refused) return <RefusedLink state={refused} signedIn={loaderData.signedIn} />
  const formError = actionData && 'errors' in actionData ? actionData.errors.form : undefined
  return (
    <section className="card">
      <h1>{t('verifyEmail.title')}</h1>
      <p>{t('verifyEmail.intro', { email: loaderData.email })}</p>
      <Form method="post">
        <FormError error={formError} />
        <SubmitButton pending={submitting}>{t('verifyEmail.submit')}</SubmitButton>
      </Form>
    </section>
  )
}

function RefusedLink({ state, signedIn }: { state: Refusal; signedIn: boolean }) {
  const { t } = useTranslation()
  return (
    <section className="card" data-testid="verify-link-refused">
      <h1>{t(`verifyEmail.${state}Title`)}</h1>
      <p role="alert">{t(`verifyEmail.${state}`)}</p>
      <p>{t(signedIn ? 'verifyEmail.newLinkSignedIn' : 'verifyEmail.newLinkSignedOut')}</p>
      <p className="actions">
        {signedIn ? (
          <Link to="/dashboard" className="button">
            {t('verifyEmail.toDashboard')}
          </Link>
        ) : (
          <Link to="/login?redirectTo=%2Fdashboard" className="button">
            {t('nav.login')}
          </Link>
        )}
      </p>
    </section>
  )
}

// Sends a refusal's own headers (Retry-After, Connection: close) and the page's privacy headers.
export const headers = forwardActionHeaders
