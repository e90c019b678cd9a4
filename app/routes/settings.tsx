import { useTranslation } from '~/i18n/translation'
import { NavLink, Outlet } from 'react-router'
import type { Route } from './+types/settings'
import { requireUser } from '~/auth/session.server'

export async function loader({ request }: Route.LoaderArgs) {
  await requireUser(request)
  return null
}

const TABS = [
  ['notifications', 'settings.notificationsTab'],
  ['account', 'settings.accountTab'],
] as const

/** The signed-in user's settings: what they receive, their account. */
export default function Settings() {
  const { t } = useTranslation()
  return (
    <>
      <nav aria-label={t('settings.nav')} className="tabs">
        {TABS.map(([path, label]) => (
          <NavLink key={path} to={`/settings/${path}`}>
            {t(label)}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </>
  )
}
