import { describe, expect, it } from 'vitest'
import { checkSemantics } from './semantics'

const doc = (body: string, title: string | null = 'Welcome, Ana') =>
  `<!DOCTYPE html><html lang="en"><head>${title === null ? '' : `<title>${title}</title>`}</head><body><table role="presentation"><tbody><tr><td>${body}</td></tr></tbody></table></body></html>`
const keys = (html: string, subject = 'Welcome, Ana') => checkSemantics(html, subject).findings.map((f) => f.key)
const good = '<h1>Welcome</h1><p>Hello Ana.</p><h2>Three tips</h2><ol><li>One</li><li>Two</li></ol>'

describe('semantics', () => {
  it('passes an email with its subject as title, one h1, real lists and underlined links', () => {
    const html = doc(`${good}<p>Or copy <a href="https://x.example/a" style="color:#1d4ed8;text-decoration-line:none;text-decoration:underline">https://x.example/a</a></p>`)
    expect(checkSemantics(html, 'Welcome, Ana')).toEqual({ id: 'semantics', status: 'pass', findings: [] })
  })
  it('fails a missing title, and a title that is not the subject', () => {
    expect(keys(doc(good, null))).toEqual(['titleMissing'])
    expect(checkSemantics(doc(good, 'Courrier'), 'Welcome, Ana').findings).toEqual([expect.objectContaining({ key: 'titleNotSubject', params: { title: 'Courrier' } })])
  })
  it('wants exactly one h1, and no skipped level', () => {
    expect(keys(doc('<p>Hello</p>'))).toEqual(['headingH1'])
    expect(keys(doc('<h1>A</h1><h1>B</h1>'))).toEqual(['headingH1'])
    expect(keys(doc('<h1>A</h1><h3>B</h3>'))).toEqual(['headingSkipped'])
  })
  it('fails numbered or bulleted paragraphs that are not a list', () => {
    expect(keys(doc('<h1>A</h1><p>1. Choose your language</p><p>2. Pick your emails</p>'))).toEqual(['listNotMarkedUp'])
    expect(keys(doc('<h1>A</h1><p>✓ Feature one</p><p>✓ Feature two</p>'))).toEqual(['listNotMarkedUp'])
    // One numbered sentence is not a list.
    expect(keys(doc('<h1>A</h1><p>1. Only this</p>'))).toEqual([])
  })
  it('fails a link in a sentence set apart by colour only; a button or a link alone in its block is fine', () => {
    const inText = doc('<h1>A</h1><p>Or copy this link: <a href="https://x.example" style="color:#1d4ed8;text-decoration-line:none">https://x.example</a></p>')
    expect(keys(inText)).toEqual(['linkNotDistinguishable'])
    const button = doc(
      '<h1>A</h1><p>Then <a href="https://x.example" style="line-height:100%;text-decoration:none;display:inline-block;background-color:#1d4ed8">Confirm</a> it.</p>',
    )
    expect(keys(button)).toEqual([])
    const alone = doc('<h1>A</h1><p><a href="https://x.example/prefs" style="text-decoration:none">Choose your emails</a></p>')
    expect(keys(alone)).toEqual([])
  })
})
