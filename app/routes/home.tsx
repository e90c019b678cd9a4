import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/home'
import { titleMeta } from '~/components/title-meta'
import { getInstance } from '~/i18n/i18next.server'

export function loader({ context }: Route.LoaderArgs) {
  return { title: getInstance(context).t('app.name') }
}

export const meta: Route.MetaFunction = titleMeta

export default function Home() {
  const { t } = useTranslation()
  return (
    <section className="card">
      <h1>{t('home.title')}</h1>
      <p>{t('home.body')}</p>
      <Link to="/signup">{t('home.cta')}</Link>
    </section>
  )
}
