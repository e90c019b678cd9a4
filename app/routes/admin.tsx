import { useTranslation } from '~/i18n/translation'
import { NavLink, Outlet } from 'react-router'
import type { Route } from './+types/admin'
import { requireStudioUser } from '~/auth/roles.server'
import '~/studio/studio.css'

// Each child route checks access itself too: this loader does not run before theirs, nor for actions.
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireStudioUser(request)
  return { user: { name: user.name, role: user.role } }
}

export default function StudioLayout({ loaderData: { user } }: Route.ComponentProps) {
  const { t } = useTranslation()
  return (
    <div className="studio">
      <nav className="studio-nav" aria-label={t('studio.nav.label')}>
        <NavLink to="/admin" end>
          {t('studio.nav.overview')}
        </NavLink>
        <NavLink to="/admin/emails">{t('studio.nav.emails')}</NavLink>
        <NavLink to="/admin/mailbox">{t('studio.nav.mailbox')}</NavLink>
        <NavLink to="/admin/analytics">{t('engagement.nav')}</NavLink>
        <NavLink to="/admin/suppressions">{t('suppressions.nav')}</NavLink>
        {user.role === 'admin' ? <NavLink to="/admin/team">{t('studio.nav.team')}</NavLink> : null}
        <span className="studio-user">{t(`studio.roles.${user.role}`)}</span>
      </nav>
      <Outlet />
    </div>
  )
}
