import { useTranslation } from 'react-i18next'
import type { Route } from './+types/dashboard'
import { requireUser } from '~/auth/session.server'
import { getInstance } from '~/i18n/i18next.server'

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request)
  return { title: getInstance(context).t('dashboard.title'), user: { name: user.name, email: user.email } }
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: data?.title ?? 'Courrier' }]

export default function Dashboard({ loaderData: { user } }: Route.ComponentProps) {
  const { t } = useTranslation()
  return (
    <section className="card">
      <h1>{t('dashboard.title')}</h1>
      <p data-testid="welcome">{t('dashboard.welcome', { name: user.name })}</p>
      <p>{t('dashboard.account', { email: user.email })}</p>
      <p>{t('dashboard.emails')}</p>
    </section>
  )
}
