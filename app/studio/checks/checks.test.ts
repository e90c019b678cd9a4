import { beforeAll, describe, expect, it } from 'vitest'
import { checkCompat, compatIssues, loadCompatData } from './compat'
import { checkHeaders, checkSender } from './headers'
import { checkImages } from './images'
import { checkLinks } from './links'
import { parseEmailHtml } from './parse-html'
import { checkPreview, PREVIEW_MAX } from './preview'
import { checkSize, GMAIL_CLIP_BYTES } from './size'
import { checkUntranslated, flattenKeys, stringValues, type UntranslatedOptions } from './untranslated'

beforeAll(loadCompatData)

// The shape React Email renders: a hidden preview block first, then tables.
function email(body: string, preview = 'Your account is ready. Here is where to start.') {
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>p{margin:0}</style></head><body>` +
    `<div style="display:none;overflow:hidden;line-height:1px;opacity:0;max-height:0;max-width:0" data-skip-in-text="true">${preview}<div> \u200c\u200b</div></div>` +
    `<table role="presentation"><tbody><tr><td>${body}</td></tr></tbody></table></body></html>`
  )
}

describe('size', () => {
  it('passes a normal email', () => {
    expect(checkSize(email('<p>Hello</p>')).status).toBe('pass')
  })
  it('fails an email Gmail would clip, and warns close to the limit', () => {
    const clipped = checkSize(email(`<p>${'x'.repeat(GMAIL_CLIP_BYTES)}</p>`))
    expect(clipped).toMatchObject({ status: 'fail', findings: [{ key: 'sizeClipped', params: { limit: 102 } }] })
    expect(checkSize(email(`<p>${'x'.repeat(Math.round(GMAIL_CLIP_BYTES * 0.9))}</p>`)).status).toBe('warn')
  })
  it('counts bytes, not characters', () => {
    // 40,000 three-byte characters are 120,000 bytes: clipped, though only 40,000 characters long.
    expect(checkSize(email(`<p>${'€'.repeat(40_000)}</p>`)).status).toBe('fail')
  })
})

describe('images', () => {
  it('fails an image without alt, accepts alt text and decorative alt=""', () => {
    const parsed = parseEmailHtml(
      email('<img src="https://cdn.example.com/logo.png"><img src="https://cdn.example.com/a.png" alt="Courrier"><img src="https://cdn.example.com/s.png" alt="">'),
    )
    const result = checkImages(parsed)
    expect(result.status).toBe('fail')
    expect(result.findings).toEqual([expect.objectContaining({ key: 'imageNoAlt', params: { src: 'https://cdn.example.com/logo.png' } })])
  })
  it('passes when every image has alt text', () => {
    expect(checkImages(parseEmailHtml(email('<img src="https://x.example/a.png" alt="Logo">'))).status).toBe('pass')
  })
})

describe('links', () => {
  const dev = { production: false, appUrl: 'http://localhost:5173' }
  const prod = { production: true, appUrl: 'https://mail.example.com' }
  const links = (hrefs: string[]) => parseEmailHtml(email(hrefs.map((h, i) => (h === '<none>' ? `<a>no href ${i}</a>` : `<a href="${h}">link ${i}</a>`)).join('')))

  it('accepts https, mailto and tel links', () => {
    expect(checkLinks(links(['https://mail.example.com/dashboard', 'mailto:help@example.com', 'tel:+33100000000']), prod).status).toBe('pass')
  })
  it('fails relative, http, javascript and empty links', () => {
    const result = checkLinks(links(['/dashboard', 'http://example.com/x', 'javascript:alert(1)', '<none>', '#']), prod)
    expect(result.status).toBe('fail')
    expect(result.findings.map((f) => f.key)).toEqual(['linkRelative', 'linkNotHttps', 'linkScheme', 'linkEmpty', 'linkRelative'])
  })
  it('fails localhost links in production, even over https', () => {
    const result = checkLinks(links(['https://localhost/x', 'http://127.0.0.1:3000/y', 'https://app.local/z']), prod)
    expect(result.findings.map((f) => f.key)).toEqual(['linkLocalhost', 'linkLocalhost', 'linkLocalhost'])
  })
  it('accepts the app’s own http URL in development only', () => {
    expect(checkLinks(links(['http://localhost:5173/dashboard']), dev).status).toBe('pass')
    expect(checkLinks(links(['http://localhost:9999/other']), dev).status).toBe('fail')
    expect(checkLinks(links(['http://localhost:5173/dashboard']), { production: true, appUrl: 'http://localhost:5173' }).status).toBe('fail')
  })
})

describe('preview text', () => {
  const subject = 'Welcome to Courrier'
  it('passes a preview text that is in the HTML and of a good length', () => {
    const preview = 'Your account is ready. Here is where to start.'
    expect(checkPreview({ subject, previewText: preview }, parseEmailHtml(email('<p>Hi</p>', preview))).status).toBe('pass')
  })
  it('fails a missing preview text', () => {
    expect(checkPreview({ subject, previewText: '' }, parseEmailHtml(email('<p>Hi</p>', ''))).findings[0]?.key).toBe('previewMissing')
  })
  it('fails a preview text the HTML does not carry', () => {
    const result = checkPreview({ subject, previewText: 'A preview the template forgot to render.' }, parseEmailHtml(email('<p>Hi</p>', '')))
    expect(result).toMatchObject({ status: 'fail', findings: [{ key: 'previewNotInHtml' }] })
  })
  it('warns when longer than inboxes show, or the same as the subject', () => {
    const long = 'word '.repeat(40).trim()
    expect(long.length).toBeGreaterThan(PREVIEW_MAX)
    expect(checkPreview({ subject, previewText: long }, parseEmailHtml(email('<p>Hi</p>', long))).findings.map((f) => f.key)).toEqual(['previewTooLong'])
    const same = 'Welcome to Courrier, your account is ready'
    expect(checkPreview({ subject: same, previewText: same }, parseEmailHtml(email('<p>Hi</p>', same))).findings.map((f) => f.key)).toEqual(['previewSameAsSubject'])
  })
  it('reads entities the way a client shows them', () => {
    const preview = "Acceptez l'invitation pour commencer à travailler ensemble."
    const html = email('<p>Bonjour</p>', 'Acceptez l&#x27;invitation pour commencer à travailler ensemble.')
    expect(checkPreview({ subject, previewText: preview }, parseEmailHtml(html)).status).toBe('pass')
  })
})

describe('untranslated strings', () => {
  const options: UntranslatedOptions = {
    knownKeys: flattenKeys({ welcome: { subject: 'x', cta: 'y' } }),
    dataValues: stringValues({ userName: 'Camille Dupont', plan: 'Pro' }),
    sameEverywhere: ['Courrier'],
    sourceLocale: 'en',
  }
  const locale = (subject: string, body: string[], previewText = `${subject} preview`) => ({ subject, previewText, segments: body })

  it('passes three real translations that share only names and the product', () => {
    const results = checkUntranslated(
      {
        en: locale('Welcome to Courrier', ['Hello Camille Dupont,', 'Open your dashboard', 'Courrier']),
        fr: locale('Bienvenue sur Courrier', ['Bonjour Camille Dupont,', 'Ouvrir votre tableau de bord', 'Courrier']),
        es: locale('Te damos la bienvenida a Courrier', ['Hola Camille Dupont,', 'Abre tu panel', 'Courrier']),
      },
      options,
    )
    expect(Object.values(results).map((r) => r.status)).toEqual(['pass', 'pass', 'pass'])
  })
  it('fails a raw translation key, known or not (what i18next shows for a missing key)', () => {
    const results = checkUntranslated({ en: locale('Welcome', ['welcome.cta']), fr: locale('Bienvenue', ['welcome.ctaButon']) }, options)
    expect(results.en!.findings).toEqual([expect.objectContaining({ key: 'rawKey', status: 'fail' })])
    expect(results.fr!.findings).toEqual([expect.objectContaining({ key: 'rawKey', status: 'fail' })])
  })
  it('does not take a domain name for a key', () => {
    const results = checkUntranslated({ en: locale('Welcome', ['example.com']) }, options)
    expect(results.en!.status).toBe('pass')
  })
  it('fails an interpolation placeholder left in the text', () => {
    const results = checkUntranslated({ en: locale('Welcome, {{name}}', ['Hi'], 'Your account is ready') }, options)
    expect(results.en!.findings).toEqual([expect.objectContaining({ key: 'placeholderLeft', params: expect.objectContaining({ where: 'subject' }) })])
  })
  it('fails a sentence identical to another language, in the translated language only', () => {
    const results = checkUntranslated(
      {
        en: locale('Welcome to Courrier', ['Open your dashboard']),
        fr: locale('Bienvenue sur Courrier', ['Open your dashboard']),
      },
      options,
    )
    expect(results.en!.status).toBe('pass')
    expect(results.fr!).toMatchObject({ status: 'fail', findings: [{ key: 'sameAsOtherLocale', params: { text: 'Open your dashboard', locales: 'en' } }] })
  })
  it('only warns about a single identical word, and accepts one a translator confirmed', () => {
    const byLocale = { en: locale('Welcome', ['Plan']), es: locale('Bienvenida', ['Plan']) }
    expect(checkUntranslated(byLocale, options).es!.status).toBe('warn')
    expect(checkUntranslated(byLocale, { ...options, accepted: { es: ['Plan'] } }).es!.status).toBe('pass')
  })
  it('does not count data that is the same in every language', () => {
    const results = checkUntranslated({ en: locale('Welcome', ['Camille Dupont — Pro']), fr: locale('Bienvenue', ['Camille Dupont — Pro']) }, options)
    expect(results.fr!.status).toBe('pass')
  })
})

describe('email client compatibility (caniemail)', () => {
  it('warns about features some clients do not support, naming them', () => {
    const html = email('<div style="display:flex;background-image:url(https://x.example/bg.png)"><p>Hi</p></div>')
    const result = checkCompat(html)
    expect(result.status).toBe('warn')
    const flex = compatIssues(html).find((i) => i.feature === 'display:flex')
    expect(flex).toMatchObject({ support: 'none' })
    expect(flex!.clients).toContain('outlook.windows')
  })
  it('ignores the preview block, whose hiding tricks are unsupported one by one by design', () => {
    const issues = compatIssues(email('<p>Hi</p>'))
    expect(issues.find((i) => i.feature === 'opacity')).toBeUndefined()
  })
  it('lists harmless unsupported features as partial support, not warnings', () => {
    const html = email('<a href="https://x.example" target="_blank">Open</a>')
    const target = compatIssues(html).filter((i) => i.feature === 'target attribute')
    expect(target.every((i) => i.support === 'partial')).toBe(true)
  })
  it('gives the same answer for the same markup in another language (cached), and a fresh one for other markup', () => {
    const a = compatIssues(email('<p>Hello</p>'))
    expect(compatIssues(email('<p>Bonjour</p>'))).toBe(a)
    expect(compatIssues(email('<div style="display:flex">Hello</div>'))).not.toBe(a)
  })
})

describe('unsubscribe headers and sender address', () => {
  const oneClick = { 'List-Unsubscribe': '<https://mail.example.com/unsubscribe/abc.def>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
  it('passes a lifecycle email with both headers and a transactional one with neither', () => {
    expect(checkHeaders({ category: 'lifecycle', headers: oneClick }).status).toBe('pass')
    expect(checkHeaders({ category: 'transactional', headers: { 'X-Entity-Ref-ID': 'x' } }).status).toBe('pass')
  })
  it('fails a lifecycle email without List-Unsubscribe, or without the one-click List-Unsubscribe-Post', () => {
    const none = checkHeaders({ category: 'lifecycle', headers: {} })
    expect(none).toMatchObject({ status: 'fail' })
    expect(none.findings.map((f) => f.key)).toEqual(['listUnsubscribeMissing', 'listUnsubscribePostMissing'])
    expect(checkHeaders({ category: 'lifecycle', headers: { 'List-Unsubscribe': oneClick['List-Unsubscribe'] } }).findings.map((f) => f.key)).toEqual([
      'listUnsubscribePostMissing',
    ])
    expect(checkHeaders({ category: 'lifecycle', headers: { ...oneClick, 'List-Unsubscribe': '<mailto:u@example.com>' } }).findings.map((f) => f.key)).toEqual([
      'listUnsubscribeMissing',
    ])
  })
  it('fails a transactional email that offers an unsubscribe', () => {
    expect(checkHeaders({ category: 'transactional', headers: oneClick }).findings.map((f) => f.key)).toEqual(['listUnsubscribeOnTransactional'])
  })
  it('fails an email whose text does not show the company address or name', () => {
    const company = { name: 'Courrier SAS', address: '10 rue de la Paix, 75002 Paris, France' }
    expect(checkSender(parseEmailHtml(email('<p>Hello</p><p>Courrier SAS<br>10 rue de la Paix, 75002 Paris, France</p>')), company).status).toBe('pass')
    const missing = checkSender(parseEmailHtml(email('<p>Hello</p><p>Courrier SAS</p>')), company)
    expect(missing).toMatchObject({ status: 'fail', findings: [{ key: 'companyAddressMissing', params: { address: company.address } }] })
  })
})
