import { describe, expect, it } from 'vitest'
import { createUserSessionCookie } from '~/auth/session.server'
import { seedAdmin, adminPasswordProblem } from '~/auth/seed-admin.server'
import { db } from '~/db/client.server'
import { users } from '~/db/schema'
import { APP, callRoute, formRequest, unwrap } from '../../test/route-harness'

// Every /admin route module, found on disk: a new one without a guard fails here.
const modules = import.meta.glob<{ loader?: (args: never) => unknown; action?: (args: never) => unknown }>('../routes/admin*.{ts,tsx}', { eager: true })

async function cookieFor(role: 'user' | 'marketer' | 'admin') {
  const [user] = db
    .insert(users)
    .values({ email: `${role}-${crypto.randomUUID()}@example.com`, name: role, passwordHash: 'x', language: 'fr', role })
    .returning()
    .all()
  const setCookie = await createUserSessionCookie(new Request(APP), user!.id)
  return setCookie.split(';')[0]!
}

async function outcome(fn: (args: never) => unknown, request: Request) {
  try {
    return unwrap(await callRoute(fn as never, request, { params: { template: 'welcome', id: 'x' } }))
  } catch (thrown) {
    return unwrap(thrown)
  }
}

describe('every /admin loader and action checks the role itself', () => {
  const entries = Object.entries(modules)
  it('finds the studio routes', () => {
    expect(entries.length).toBeGreaterThanOrEqual(10)
  })

  for (const [file, mod] of entries) {
    for (const kind of ['loader', 'action'] as const) {
      const fn = mod[kind]
      if (!fn) continue
      const request = (cookie?: string) =>
        kind === 'loader'
          ? new Request(`${APP}/admin/x`, { headers: { ...(cookie ? { Cookie: cookie } : {}), 'Accept-Language': 'fr' } })
          : formRequest('/admin/x', { intent: 'grant', email: 'someone@example.com' }, cookie ? { Cookie: cookie } : {})

      it(`${file} ${kind}: anonymous → login or 401`, async () => {
        const { status, headers } = await outcome(fn, request())
        expect([302, 401]).toContain(status)
        if (status === 302) expect(headers.get('Location')).toMatch(/^\/login\?redirectTo=/)
      })
      it(`${file} ${kind}: a plain user → 403`, async () => {
        const { status } = await outcome(fn, request(await cookieFor('user')))
        expect(status).toBe(403)
      })
    }
  }

  it('the team page is for admins only, not marketers', async () => {
    const team = modules['../routes/admin.team.tsx']!
    const marketer = await cookieFor('marketer')
    expect((await outcome(team.loader!, new Request(`${APP}/admin/team`, { headers: { Cookie: marketer } }))).status).toBe(403)
    expect((await outcome(team.action!, formRequest('/admin/team', { intent: 'grant', email: 'x@example.com' }, { Cookie: marketer }))).status).toBe(403)
    expect((await outcome(team.loader!, new Request(`${APP}/admin/team`, { headers: { Cookie: await cookieFor('admin') } }))).status).toBe(200)
  })
})

describe('db:seed', () => {
  it('creates the admin, then finds nothing to change, then updates a changed password', async () => {
    const email = `seed-${crypto.randomUUID()}@example.com`
    expect((await seedAdmin(db, { email, password: 'first password 123', language: 'en' })).action).toBe('created')
    expect((await seedAdmin(db, { email, password: 'first password 123', language: 'en' })).action).toBe('unchanged')
    expect((await seedAdmin(db, { email, password: 'second password 456', language: 'en' })).action).toBe('updated')
  })
  it('refuses weak and example passwords in production, not the development value in development', () => {
    const email = 'admin@courrier.example'
    expect(adminPasswordProblem('change me before production', { production: false, email })).toBeNull()
    expect(adminPasswordProblem('change me before production', { production: true, email })).toMatch(/example value/)
    expect(adminPasswordProblem('short', { production: true, email })).toMatch(/at least 16/)
    expect(adminPasswordProblem('aaaaaaaaaaaaaaaaaaaa', { production: true, email })).toMatch(/too few/)
    expect(adminPasswordProblem(undefined, { production: false, email })).toMatch(/not set/)
    expect(adminPasswordProblem('a real, long pass phrase 2026', { production: true, email })).toBeNull()
  })
})
