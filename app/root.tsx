import { useEffect } from 'react'
import { useTranslation } from '~/i18n/translation'
import { Form, isRouteErrorResponse, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from 'react-router'
import type { Route } from './+types/root'
import { getUser } from './auth/session.server'
import { DocumentTitle } from './components/document-title'
import { BrandMark } from './components/icons'
import { LanguageSwitcher } from './components/language-switcher'
import { useNonce } from './components/nonce'
import { cacheHeaders } from './http/cache-control.server'
import { getLocale, i18nextMiddleware } from './i18n/i18next.server'
import favicon from './assets/favicon.svg?url'
import './styles.css'

export const links: Route.LinksFunction = () => [{ rel: 'icon', type: 'image/svg+xml', href: favicon }]

export const middleware: Route.MiddlewareFunction[] = [cacheHeaders, i18nextMiddleware]

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await getUser(request)
  return { locale: getLocale(context), user: user ? { name: user.name, studio: user.role === 'admin' || user.role === 'marketer' } : null }
}

export function Layout({ children }: { children: React.ReactNode }) {
  const { i18n, t } = useTranslation()
  const data = useRouteLoaderData<typeof loader>('root')
  const nonce = useNonce()
  return (
    <html lang={i18n.language} dir={i18n.dir(i18n.language)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {/* The first stop of the Tab key: past the header and its language form, straight to the page. */}
        <a href="#main" className="skip-link">
          {t('nav.skip')}
        </a>
        <header className="site-header">
          <div className="site-header-inner">
            <Link to="/" className="brand">
              <BrandMark />
              {t('app.name')}
            </Link>
            <nav aria-label={t('nav.main')} className="site-nav">
              {data?.user ? (
                <>
                  <NavLink to="/dashboard">{t('nav.dashboard')}</NavLink>
                  <NavLink to="/pricing">{t('nav.pricing')}</NavLink>
                  <NavLink to="/settings">{t('nav.settings')}</NavLink>
                  {data.user.studio ? <NavLink to="/admin/emails">{t('nav.studio')}</NavLink> : null}
                  <Form method="post" action="/logout" className="inline">
                    <button type="submit" className="link">
                      {t('nav.logout')}
                    </button>
                  </Form>
                </>
              ) : (
                <>
                  <NavLink to="/pricing">{t('nav.pricing')}</NavLink>
                  <NavLink to="/login">{t('nav.login')}</NavLink>
                  <NavLink to="/signup" className="nav-cta">
                    {t('nav.signup')}
                  </NavLink>
                </>
              )}
            </nav>
            <LanguageSwitcher />
          </div>
        </header>
        {/* tabIndex -1: the skip link moves focus here too, not only the scroll position. */}
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="site-footer-inner">
            <p>
              <strong>{t('app.name')}</strong> · {t('app.tagline')}
            </p>
            <p>{t('site.footer.languages')}</p>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App({ loaderData: { locale } }: Route.ComponentProps) {
  const { i18n } = useTranslation()
  useEffect(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale)
  }, [locale, i18n])
  return <Outlet />
}

const ERROR_PAGES = {
  404: { title: 'errorPage.notFoundTitle', message: 'errorPage.notFound' },
  403: { title: 'errorPage.forbiddenTitle', message: 'errorPage.forbidden' },
  other: { title: 'errorPage.genericTitle', message: 'errorPage.generic' },
} as const

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const { t } = useTranslation()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const page = status === 404 || status === 403 ? ERROR_PAGES[status] : ERROR_PAGES.other
  return (
    <section className="card error-page" data-testid="error-page" data-status={status}>
      <DocumentTitle title={t(page.title)} />
      <span className="status" aria-hidden="true">
        {status}
      </span>
      <h1>{t(page.title)}</h1>
      <p>{t(page.message)}</p>
      <p className="actions">
        <Link to="/" className="button">
          {t('errorPage.backHome')}
        </Link>
        {status === 403 ? <Link to="/dashboard">{t('nav.dashboard')}</Link> : null}
      </p>
    </section>
  )
}
