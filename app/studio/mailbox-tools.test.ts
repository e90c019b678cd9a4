import { beforeEach, describe, expect, test } from 'vitest'
import PostalMime from 'postal-mime'
import { createUserSessionCookie } from '~/auth/session.server'
import { db } from '~/db/client.server'
import { mailboxMessages, users } from '~/db/schema'
import { action as mailboxAction, loader as mailboxLoader } from '~/routes/admin.mailbox._index'
import { loader as emlLoader } from '~/routes/admin.mailbox.$id.eml'
import { loader as messageLoader } from '~/routes/admin.mailbox.$id'
import { APP, callRoute, formRequest, unwrap } from '../../test/route-harness'

let cookie = ''
const get = (path: string) => new Request(`${APP}${path}`, { headers: { Cookie: cookie } })

function message(fields: Partial<typeof mailboxMessages.$inferInsert> = {}) {
  return db
    .insert(mailboxMessages)
    .values({
      to: 'zoe@example.com',
      from: 'Courrier <hello@courrier.test>',
      subject: 'Bienvenue sur Courrier, Zoé',
      html: '<html lang="fr"><body><p>Bonjour Zoé</p></body></html>',
      text: 'Bonjour Zoé',
      headers: { 'X-Entity-Ref-ID': 'welcome:evt_1' },
      template: 'welcome',
      locale: 'fr',
      ...fields,
    })
    .returning()
    .get()
}

describe('the mailbox: search, headers, .eml, clear', () => {
  beforeEach(async () => {
    db.delete(mailboxMessages).run()
    const user = db
      .insert(users)
      .values({ email: `marketer-${crypto.randomUUID()}@example.com`, name: 'M', passwordHash: 'x', language: 'en', role: 'marketer' })
      .returning()
      .get()
    cookie = (await createUserSessionCookie(new Request(APP), user.id)).split(';')[0]!
  })

  test('searches by recipient, by words of the subject (any case, % literal) and by template', async () => {
    message()
    message({ to: 'ana@example.com', subject: 'Tu prueba termina en 3 días', template: 'trial-ending', locale: 'es' })
    message({ to: 'bob@example.com', subject: '100% ready', template: 'invitation', locale: 'en' })
    const subjects = async (search: string) => (await callRoute(mailboxLoader, get(`/admin/mailbox?${search}`))).messages.map((m) => m.subject)
    expect(await subjects('subject=bienvenue')).toEqual(['Bienvenue sur Courrier, Zoé'])
    expect(await subjects('subject=%25')).toEqual(['100% ready'])
    expect(await subjects('to=ana@')).toEqual(['Tu prueba termina en 3 días'])
    expect(await subjects('template=invitation')).toEqual(['100% ready'])
    expect(await subjects('subject=courrier&template=invitation')).toEqual([])
  })

  test('the message page shows its whole header block; the .eml carries the same', async () => {
    const stored = message()
    const page = await callRoute(messageLoader, get(`/admin/mailbox/${stored.id}`), { params: { id: stored.id } })
    expect(page.headers.map(([name]) => name)).toEqual(['From', 'To', 'Subject', 'Date', 'X-Entity-Ref-ID'])
    const response = await callRoute(emlLoader, get(`/admin/mailbox/${stored.id}/eml`), { params: { id: stored.id } })
    expect(response.headers.get('Content-Type')).toBe('message/rfc822')
    expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="welcome-fr-${stored.id}.eml"`)
    const parsed = await PostalMime.parse(await response.text())
    expect(parsed.subject).toBe('Bienvenue sur Courrier, Zoé')
    expect(parsed.to?.[0]?.address).toBe('zoe@example.com')
    expect(parsed.html).toContain('<p>Bonjour Zoé</p>')
    expect(parsed.text?.trim()).toBe('Bonjour Zoé')
    expect(parsed.headers.find((h) => h.key === 'x-entity-ref-id')?.value).toBe('welcome:evt_1')
    const missing = await callRoute(emlLoader, get('/admin/mailbox/nope/eml'), { params: { id: 'nope' } }).catch((thrown: Response) => thrown)
    expect(missing.status).toBe(404)
  })

  test('clearing asks first, then deletes the local messages only; emails handed to Resend stay', async () => {
    message()
    message({ to: 'ana@example.com' })
    message({ to: 'kept@example.com', transport: 'resend', providerId: `re_${crypto.randomUUID()}` })
    const confirming = await callRoute(mailboxLoader, get('/admin/mailbox?clear=confirm'))
    expect(confirming.clear).toEqual({ confirming: true, count: 2, cleared: null })
    expect(confirming.messages).toHaveLength(3)

    const wrong = unwrap(await callRoute(mailboxAction, formRequest('/admin/mailbox', { intent: 'nope' }, { Cookie: cookie })))
    expect(wrong.status).toBe(400)
    expect(db.select().from(mailboxMessages).all()).toHaveLength(3)

    const done = unwrap(await callRoute(mailboxAction, formRequest('/admin/mailbox', { intent: 'clear' }, { Cookie: cookie })))
    expect(done.status).toBe(302)
    expect(done.headers.get('Location')).toBe('/admin/mailbox?cleared=2')
    expect(db.select({ to: mailboxMessages.to }).from(mailboxMessages).all()).toEqual([{ to: 'kept@example.com' }])
    expect((await callRoute(mailboxLoader, get('/admin/mailbox?cleared=2'))).clear).toEqual({ confirming: false, count: 0, cleared: 2 })
  })
})
