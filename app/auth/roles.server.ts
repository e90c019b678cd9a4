import { and, eq, inArray } from 'drizzle-orm'
import { data, redirect } from 'react-router'
import { db } from '~/db/client.server'
import { users } from '~/db/schema'
import { getUser } from './session.server'

export type Role = (typeof users.$inferSelect)['role']
export type StudioUser = NonNullable<Awaited<ReturnType<typeof getUser>>> & { role: 'admin' | 'marketer' }

export const STUDIO_ROLES = ['admin', 'marketer'] as const

export function canUseStudio(role: Role | undefined): role is 'admin' | 'marketer' {
  return role === 'admin' || role === 'marketer'
}

type GuardOptions = {
  /**
   * What an anonymous request gets: pages redirect to /login and come back after signing in; JSON and
   * framed previews answer 401, since a login page is useless to a script or inside an iframe.
   */
  anonymous?: 'redirect' | 'unauthorized'
}

function loginRedirect(request: Request) {
  const url = new URL(request.url)
  // A form posted to an /admin action comes back to the page, not to the action's URL with ?index etc.
  const back = request.method === 'GET' ? url.pathname + url.search : url.pathname
  return redirect(`/login?redirectTo=${encodeURIComponent(back)}`)
}

/**
 * The signed-in user if they may use the email studio (role admin or marketer). Every /admin loader and
 * action calls this (or requireAdmin) itself: a parent layout's loader does not guard its children's
 * loaders, which run in parallel, nor any action.
 */
export async function requireStudioUser(request: Request, options: GuardOptions = {}): Promise<StudioUser> {
  const user = await getUser(request)
  if (!user) {
    if (options.anonymous === 'unauthorized') throw data({ error: 'unauthorized' }, { status: 401 })
    throw loginRedirect(request)
  }
  // The root error boundary shows 403 in the visitor's language (errorPage.forbidden).
  if (!canUseStudio(user.role)) throw data({ error: 'forbidden' }, { status: 403 })
  return user as StudioUser
}

/** Like requireStudioUser, for what only admins may do (giving or taking the marketer role). */
export async function requireAdmin(request: Request, options: GuardOptions = {}): Promise<StudioUser & { role: 'admin' }> {
  const user = await requireStudioUser(request, options)
  if (user.role !== 'admin') throw data({ error: 'forbidden' }, { status: 403 })
  return user as StudioUser & { role: 'admin' }
}

export type TeamMember = { id: string; email: string; name: string; role: Role }

/** Everyone with a studio role, admins first. */
export function listStudioTeam(): TeamMember[] {
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(inArray(users.role, [...STUDIO_ROLES]))
    .orderBy(users.role, users.email)
    .all()
}

export type RoleChange = { ok: true; member: TeamMember } | { ok: false; error: 'unknownUser' | 'isAdmin' }

/**
 * Gives or takes the marketer role. Only between `user` and `marketer`: an admin's role is never changed
 * here (admins come from `npm run db:seed`), so an admin cannot lock everyone out by mistake.
 */
export function setMarketerRole(email: string, grant: boolean): RoleChange {
  const normalized = email.trim().toLowerCase()
  const user = db.select().from(users).where(eq(users.email, normalized)).get()
  if (!user) return { ok: false, error: 'unknownUser' }
  if (user.role === 'admin') return { ok: false, error: 'isAdmin' }
  const role = grant ? 'marketer' : 'user'
  // The WHERE repeats the role check, so a concurrent promotion to admin is never undone.
  db.update(users)
    .set({ role })
    .where(and(eq(users.id, user.id), inArray(users.role, ['user', 'marketer'])))
    .run()
  return { ok: true, member: { id: user.id, email: user.email, name: user.name, role } }
}
