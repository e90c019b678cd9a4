import { expect, test } from 'vitest'
import PostalMime from 'postal-mime'
import { createUserSessionCookie } from '~/auth/session.server'
import { db } from '~/db/client.server'
import { users } from '~/db/schema'
import { loader } from '~/routes/admin.emails.$template.download'
import { APP, callRoute } from '../../test/route-harness'
import { highlightedSource } from './source.server'
import { renderOne } from './templates.server'
import { forcedDark } from './ui/detail-preview'

async function download(path: string) {
  const [user] = db
    .insert(users)
    .values({ email: `marketer-${crypto.randomUUID()}@example.com`, name: 'M', passwordHash: 'x', language: 'en', role: 'marketer' })
    .returning()
    .all()
  const cookie = (await createUserSessionCookie(new Request(APP), user!.id)).split(';')[0]!
  try {
    return await callRoute(loader, new Request(`${APP}${path}`, { headers: { Cookie: cookie } }), { params: { template: path.split('/')[3]! } })
  } catch (thrown) {
    return thrown as Response
  }
}

test('the .html download is the exact HTML sent, as an attachment with a safe name', async () => {
  const response = await download('/admin/emails/welcome/download?locale=fr&sample=new-user-fr&format=html')
  expect(response.status).toBe(200)
  expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
  expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="welcome-fr-new-user-fr.html"')
  expect(response.headers.get('Content-Security-Policy')).toContain('sandbox')
  expect(await response.text()).toBe((await renderOne('welcome', 'new-user-fr', 'fr'))!.html)
})

test('the .eml download is the whole message: From, subject, the envelope headers, text and HTML', async () => {
  const response = await download('/admin/emails/onboarding-day-3/download?locale=es&format=eml')
  expect(response.status).toBe(200)
  expect(response.headers.get('Content-Type')).toBe('message/rfc822')
  expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="onboarding-day-3-es-[a-z0-9-]+\.eml"$/)
  const parsed = await PostalMime.parse(await response.text())
  expect(parsed.subject).toMatch(/\S/)
  expect(parsed.html).toContain('lang="es"')
  expect(parsed.text).toMatch(/\S/)
  // A lifecycle email: the List-Unsubscribe headers sendEmail adds are in the file too.
  expect(parsed.headers.map((h) => h.key)).toEqual(expect.arrayContaining(['list-unsubscribe', 'list-unsubscribe-post', 'x-entity-ref-id']))
})

test('an unknown format or template is a 404', async () => {
  expect((await download('/admin/emails/welcome/download?format=pdf')).status).toBe(404)
  expect((await download('/admin/emails/nope/download?format=html')).status).toBe(404)
})

test('the source is indented and highlighted, with the email’s text escaped', async () => {
  const source = await highlightedSource('<html><body><p class="x">a &lt;b&gt; &amp; c</p><script>alert(1)</script></body></html>')
  expect(source).toContain('<span class="hljs-name">p</span>')
  expect(source).toContain('<span class="hljs-attr">class</span>=<span class="hljs-string">&quot;x&quot;</span>')
  expect(source).not.toContain('<script>')
  expect(source.split('\n').length).toBeGreaterThan(3)
})

test('forced dark mode inverts the email inside its frame and paints images back', () => {
  const dark = forcedDark('<html><head><title>t</title></head><body><img src="x"></body></html>')
  expect(dark).toMatch(/<style data-studio-dark>html\{filter:invert\(1\) hue-rotate\(180deg\)/)
  expect(dark.indexOf('data-studio-dark')).toBeLessThan(dark.indexOf('</head>'))
  expect(forcedDark('<p>no head</p>')).toMatch(/^<style data-studio-dark>/)
})
