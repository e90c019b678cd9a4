import { expect, test } from 'vitest'
import PostalMime from 'postal-mime'
import { buildEml, safeFilename } from './eml.server'

test('an .eml is RFC 5322 with a multipart/alternative body, text then HTML, that a MIME parser reads back', async () => {
  const eml = await buildEml({
    from: 'Courrier <hello@courrier.test>',
    to: 'zoé@example.com',
    subject: 'Bienvenue sur Courrier, Zoé\u202f!',
    text: 'Bonjour Zoé,\nVotre compte est prêt.',
    html: '<!DOCTYPE html><html lang="fr"><body><p>Bonjour Zoé,</p></body></html>',
    headers: { 'X-Entity-Ref-ID': 'welcome:evt_1', 'List-Unsubscribe': '<https://courrier.test/u/x>' },
    messageId: 'abc@courrier.test',
    date: new Date('2026-11-30T00:00:00Z'),
  })
  const raw = eml.toString('utf8')
  expect(raw).toMatch(/^Content-Type: multipart\/alternative;\s+boundary=/m)
  expect(raw).toMatch(/^MIME-Version: 1\.0$/m)
  expect(raw).toMatch(/^Message-ID: <abc@courrier\.test>$/m)
  expect(raw).toMatch(/^Date: Mon, 30 Nov 2026 00:00:00 \+0000$/m)
  // Non-ASCII never goes raw into a header: encoded words.
  expect(raw).toMatch(/^Subject: =\?UTF-8\?Q\?/m)
  expect(raw.indexOf('Content-Type: text/plain')).toBeLessThan(raw.indexOf('Content-Type: text/html'))
  const parsed = await PostalMime.parse(raw)
  expect(parsed.subject).toBe('Bienvenue sur Courrier, Zoé\u202f!')
  expect(parsed.text?.trim()).toBe('Bonjour Zoé,\nVotre compte est prêt.')
  expect(parsed.html).toContain('<p>Bonjour Zoé,</p>')
  expect(parsed.headers.find((h) => h.key === 'x-entity-ref-id')?.value).toBe('welcome:evt_1')
})

test('file names keep letters, digits, dots and dashes only', () => {
  expect(safeFilename('welcome-fr-new-user-fr', 'html')).toBe('welcome-fr-new-user-fr.html')
  expect(safeFilename('Réinitialisez "votre" mot de passe\r\n; x=1', 'eml')).toBe('reinitialisez-votre-mot-de-passe-x-1.eml')
  expect(safeFilename('../../etc/passwd', 'eml')).toBe('etc-passwd.eml')
  expect(safeFilename('"""', 'html')).toBe('email.html')
})
