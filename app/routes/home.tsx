import { useTranslation } from '~/i18n/translation'
import { Link, useRouteLoaderData } from 'react-router'
import type { Route } from './+types/home'
import { EyeIcon, LanguagesIcon, ShieldIcon } from '~/components/icons'
import { titleMeta } from '~/components/title-meta'
import { getInstance } from '~/i18n/i18next.server'
import type { loader as rootLoader } from '~/root'

export function loader({ context }: Route.LoaderArgs) {
  const t = getInstance(context).t
  return { title: `${t('app.name')} · ${t('home.title')}`, description: t('home.body') }
}

export const meta: Route.MetaFunction = (args) => [...titleMeta(args), ...(args.data ? [{ name: 'description', content: args.data.description }] : [])]

const FEATURES = [
  { icon: LanguagesIcon, title: 'site.home.languageTitle', body: 'site.home.language' },
  { icon: ShieldIcon, title: 'site.home.onceTitle', body: 'site.home.once' },
  { icon: EyeIcon, title: 'site.home.studioTitle', body: 'site.home.studio' },
] as const

/** What Courrier is, in three promises and three steps, with one call to action (the dashboard once signed in). */
export default function Home() {
  const { t } = useTranslation()
  const signedIn = Boolean(useRouteLoaderData<typeof rootLoader>('root')?.user)
  const cta = signedIn ? (
    <Link to="/dashboard" className="button large">
      {t('site.home.dashboard')}
    </Link>
  ) : (
    <Link to="/signup" className="button large">
      {t('site.home.cta')}
    </Link>
  )
  return (
    <div className="wide">
      <section className="hero" aria-labelledby="home-title">
        <p className="eyebrow">{t('site.home.eyebrow')}</p>
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="lead">{t('home.body')}</p>
        <p className="actions">
          {cta}
          <Link to="/pricing" className="button large secondary">
            {t('site.home.pricing')}
          </Link>
        </p>
        {signedIn ? null : <p className="hint">{t('site.home.note')}</p>}
      </section>
      <section aria-labelledby="features-title">
        <h2 id="features-title" className="visually-hidden">
          {t('site.home.featuresTitle')}
        </h2>
        <ul className="feature-grid">
          {FEATURES.map(({ icon: Icon, title, body }) => (
            <li key={title}>
              <article className="card">
                <span className="feature-icon">
                  <Icon />
                </span>
                <h3>{t(title)}</h3>
                <p>{t(body)}</p>
              </article>
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="steps-title">
        <h2 id="steps-title">{t('site.home.stepsTitle')}</h2>
        <ol className="steps">
          <li>{t('site.home.step1')}</li>
          <li>{t('site.home.step2')}</li>
          <li>{t('site.home.step3')}</li>
        </ol>
      </section>
      {signedIn ? null : (
        <section className="closing" aria-labelledby="closing-title">
          <h2 id="closing-title">{t('site.home.closingTitle')}</h2>
          <p>{t('site.home.closing')}</p>
          <p className="actions">
            <Link to="/signup" className="button large">
              {t('site.home.cta')}
            </Link>
          </p>
        </section>
      )}
    </div>
  )
}
