import { useTranslation } from '~/i18n/translation'
import { data, Form, Link } from 'react-router'
import type { Route } from './+types/unsubscribe.$token'
import { checkRateLimit, checkSameOrigin, formAction, forwardActionHeaders, readForm } from '~/auth/form-guards.server'
import { PREFERENCES_PATH } from '~/email/categories'
import { getInstance, setLocale } from '~/i18n/i18next.server'
import { resubscribeWithToken, unsubscribeLinkLanguage, unsubscribeLinkState, unsubscribeWithToken } from '~/preferences/preferences.server'

// The token is in the URL: no Referer carries it elsewhere, no cache keeps the page, no index lists it.
const PRIVATE = { 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' }

/** The page speaks the language of the person the email was sent to, whatever browser opens it. */
export const middleware: Route.MiddlewareFunction[] = [
  async ({ params, context }, next) => {
    const language = unsubscribeLinkLanguage(params.token)
    if (language) setLocale(context, language)
    return next()
  },
]

export async function loader({ params, context }: Route.LoaderArgs) {
  const t = getInstance(context).t
  const link = unsubscribeLinkState(params.token)
  if (link.status === 'invalid') return data({ title: t('unsubscribe.invalidTitle'), link }, { status: 404, headers: PRIVATE })
  const title = link.status === 'unsubscribed' ? t('unsubscribe.doneTitle') : t('unsubscribe.confirmTitle')
  return data({ title, link }, { headers: PRIVATE })
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: data?.title ?? 'Courrier' }, { name: 'robots', content: 'noindex' }]

/**
 * RFC 8058 one-click unsubscribe, and the page's buttons. A mail client POSTs `List-Unsubscribe=One-Click`
 * from its own servers: no cookie, no session, no Origin, no CSRF token, and many clients from one
 * address (no per-address rate limit, which would refuse Gmail). The token authorizes it; the change is
 * idempotent; the answer is a 200 at once. "Undo" (back on the list) is our page's own form: same-origin
 * and rate-limited like any form. A GET never changes anything (link scanners follow GETs).
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  return formAction(request, async () => {
    const form = await readForm(request).catch((refusal: unknown) => {
      // A body we cannot parse still says "unsubscribe": the token is what counts. Too large stays refused.
      if ((refusal as { init?: { status?: number } }).init?.status === 413) throw refusal
      return new FormData()
    })
    if (form.get('intent') === 'undo') {
      checkSameOrigin(request)
      await checkRateLimit('unsubscribe-undo', context)
      const undo = resubscribeWithToken(params.token)
      return data({ done: undo }, { status: undo === 'invalid' ? 404 : undo === 'stale' ? 409 : 200, headers: PRIVATE })
    }
    const result = unsubscribeWithToken(params.token)
    return data({ done: result }, { status: result === 'invalid' ? 404 : 200, headers: PRIVATE })
  }, { sameOrigin: false })
}

export default function Unsubscribe({ loaderData: { link }, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  if (link.status === 'invalid') {
    return (
      <section className="card" data-testid="unsubscribe-invalid">
        <h1>{t('unsubscribe.invalidTitle')}</h1>
        <p role="alert">{t('unsubscribe.invalid')}</p>
        <p>
          <Link to={PREFERENCES_PATH}>{t('unsubscribe.preferences')}</Link>
        </p>
      </section>
    )
  }
  const done = actionData && 'done' in actionData ? actionData.done : null
  const list = t(`unsubscribe.topic.${link.topic}`)
  return (
    <section className="card" data-testid="unsubscribe" data-state={link.status}>
      {link.status === 'unsubscribed' ? (
        <>
          <h1>{t('unsubscribe.doneTitle')}</h1>
          <p role="status">{t('unsubscribe.done', { list })}</p>
          <p className="hint">{t('unsubscribe.stillTransactional')}</p>
          {link.canUndo ? (
            <Form method="post" className="actions">
              <input type="hidden" name="intent" value="undo" />
              <button type="submit">{t('unsubscribe.undo')}</button>
            </Form>
          ) : (
            <p>{done === 'stale' ? t('unsubscribe.staleUndo') : t('unsubscribe.undoInPreferences')}</p>
          )}
        </>
      ) : (
        <>
          <h1>{t('unsubscribe.confirmTitle')}</h1>
          {done === 'resubscribed' ? <p role="status">{t('unsubscribe.resubscribed', { list })}</p> : null}
          <p>{t('unsubscribe.confirm', { list, name: link.userName })}</p>
          <Form method="post" className="actions">
            <button type="submit">{t('unsubscribe.submit')}</button>
          </Form>
        </>
      )}
      <p>
        <Link to={PREFERENCES_PATH}>{t('unsubscribe.preferences')}</Link>
      </p>
    </section>
  )
}

// Sends a refusal's own headers and the page's privacy headers.
export const headers = forwardActionHeaders
