import { useTranslation } from '~/i18n/translation'
import { Link } from 'react-router'
import type { Route } from './+types/account-deleted'
import { titleMeta } from '~/components/title-meta'
import { getInstance } from '~/i18n/i18next.server'

export function loader({ context }: Route.LoaderArgs) {
  return { title: getInstance(context).t('accountDeleted.title') }
}

export const meta: Route.MetaFunction = titleMeta

/** Where a deleted account lands, signed out. */
export default function AccountDeleted() {
  const { t } = useTranslation()
  return (
    <section className="card" data-testid="account-deleted">
      <h1>{t('accountDeleted.title')}</h1>
      <p role="status">{t('accountDeleted.body')}</p>
      <p>
        <Link to="/">{t('accountDeleted.home')}</Link>
      </p>
    </section>
  )
}
