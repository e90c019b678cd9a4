import { describe, expect, test } from 'vitest'
import { db } from '~/db/client.server'
import { outboxEvents, users } from '~/db/schema'
import { callRoute, formRequest, unwrap } from '../../test/route-harness'
import { action, loader } from './signup'

const valid = { name: 'Camille Dupont', email: 'camille@example.com', password: 'correct horse battery' }
const counts = () => ({ users: db.select().from(users).all().length, events: db.select().from(outboxEvents).all().length })

function post(fields: Record<string, string>, headers: Record<string, string> = {}, clientAddress?: string) {
  return callRoute(action, formRequest('/signup', fields, headers), { clientAddress }).then(unwrap)
}

describe('signup', () => {
  test('creates the user and its user/registered event together, then redirects with a session', async () => {
    const before = counts()
    const res = await post({ ...valid, email: 'Camille.New@Example.com' }, { 'Accept-Language': 'es-ES,es;q=0.9' })
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('/dashboard')
    expect(res.headers.get('Set-Cookie')).toMatch(/__session=.+HttpOnly.*SameSite=Lax/i)
    expect(counts()).toEqual({ users: before.users + 1, events: before.events + 1 })
    const user = db.select().from(users).all().find((u) => u.email === 'camille.new@example.com')!
    expect(user.passwordHash).toMatch(/^scrypt\$/)
    expect(user.language).toBe('es')
    const event = db.select().from(outboxEvents).all().at(-1)!
    expect(event).toMatchObject({ name: 'user/registered', status: 'pending' })
    // The event carries the id only: the functions read the name, address and language when they send.
    expect(event.data).toEqual({ userId: user.id })
  })

  test.each([
    ['invalid email', { ...valid, email: 'not-an-email' }, 400, 'email', 'errors.emailInvalid'],
    ['short password', { ...valid, password: 'short' }, 400, 'password', 'errors.passwordTooShort'],
    ['over-long password', { ...valid, password: 'x'.repeat(129) }, 400, 'password', 'errors.passwordTooLong'],
    ['empty name', { ...valid, name: '   ' }, 400, 'name', 'errors.nameRequired'],
    ['over-long name', { ...valid, name: 'n'.repeat(101) }, 400, 'name', 'errors.nameTooLong'],
    ['line break in name', { ...valid, name: 'Eve\r\nBcc: x@example.com' }, 400, 'name', 'errors.nameInvalid'],
    ['filled honeypot', { ...valid, website: 'http://spam.example' }, 400, 'form', 'errors.rejected'],
  ])('%s is refused and nothing is written', async (_case, fields, status, field, key) => {
    const before = counts()
    const res = await post({ ...fields, email: fields.email.replace('camille@', `c-${Math.random()}@`) })
    expect(res.status).toBe(status)
    expect(res.body.errors[field]).toBe(key)
    expect(res.body.values).not.toHaveProperty('password')
    expect(counts()).toEqual(before)
  })

  test('an email already taken gets 409, also when two signups race for it', async () => {
    const fields = { ...valid, email: 'race@example.com' }
    const results = await Promise.all([post(fields), post(fields), post(fields)])
    expect(results.map((r) => r.status).sort()).toEqual([302, 409, 409])
    for (const r of results.filter((r) => r.status === 409)) expect(r.body.errors.email).toBe('errors.emailTaken')
    const raced = db.select().from(users).all().filter((u) => u.email === 'race@example.com')
    expect(raced).toHaveLength(1)
    expect(db.select().from(outboxEvents).all().filter((e) => (e.data as { userId: string }).userId === raced[0]!.id)).toHaveLength(1)
  })

  test('a form posted from another site gets 403', async () => {
    const before = counts()
    const res = await post({ ...valid, email: 'xsite@example.com' }, { Origin: 'https://evil.example' })
    expect(res.status).toBe(403)
    expect(res.body.errors.form).toBe('errors.crossOrigin')
    expect(counts()).toEqual(before)
  })

  test('a body larger than any form gets 413', async () => {
    const res = await post({ ...valid, name: 'x'.repeat(20_000) })
    expect(res.status).toBe(413)
  })

  test('the signup page is served in the language Accept-Language asks for', async () => {
    for (const [header, title] of [
      ['fr-FR,fr;q=0.9', 'Créer votre compte'],
      ['en-US', 'Create your account'],
      ['es', 'Crea tu cuenta'],
    ]) {
      const data = await callRoute(loader, new Request('http://localhost:5173/signup', { headers: { 'Accept-Language': header! } }))
      expect(data.title).toBe(title)
    }
  })
})
