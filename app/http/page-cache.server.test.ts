import { describe, expect, it } from 'vitest'
import { anonymousPageKey, isShareable, PageCache, withNonce } from './page-cache.server'

const paths = new Set(['/signup', '/'])
const request = (over: Partial<{ method: string; path: string; originalUrl: string; cookie: string; lang: string; host: string }> = {}) => ({
  method: over.method ?? 'GET',
  path: over.path ?? '/signup',
  originalUrl: over.originalUrl ?? over.path ?? '/signup',
  protocol: 'https',
  hostname: 'courrier.example',
  headers: { host: over.host ?? 'courrier.example', ...(over.cookie ? { cookie: over.cookie } : {}), ...(over.lang ? { 'accept-language': over.lang } : {}) },
})

describe('which requests share a rendered page', () => {
  it('a signed-out GET of a listed page, keyed by host, path and the language inputs', () => {
    expect(anonymousPageKey(request(), paths)).toBe('https://courrier.example/signup\n\n')
    expect(anonymousPageKey(request({ cookie: 'lng=%22es%22', lang: 'fr-FR' }), paths)).toBe('https://courrier.example/signup\n%22es%22\nfr-FR')
    expect(anonymousPageKey(request({ lang: 'en' }), paths)).not.toBe(anonymousPageKey(request({ lang: 'es' }), paths))
    expect(anonymousPageKey(request({ host: 'other.example' }), paths)).not.toBe(anonymousPageKey(request(), paths))
  })

  it('never with a session or any other cookie, another method, a query string or an unlisted page', () => {
    expect(anonymousPageKey(request({ cookie: '__session=abc' }), paths)).toBeNull()
    expect(anonymousPageKey(request({ cookie: 'lng=%22fr%22; __session=abc' }), paths)).toBeNull()
    expect(anonymousPageKey(request({ cookie: 'theme' }), paths)).toBeNull()
    expect(anonymousPageKey(request({ method: 'POST' }), paths)).toBeNull()
    expect(anonymousPageKey(request({ method: 'HEAD' }), paths)).toBeNull()
    expect(anonymousPageKey(request({ originalUrl: '/signup?plan=pro' }), paths)).toBeNull()
    expect(anonymousPageKey(request({ path: '/dashboard' }), paths)).toBeNull()
  })

  it('only a 200 HTML answer that sets no cookie and does not forbid storing', () => {
    const html = (extra: Record<string, string> = {}) => new Headers({ 'Content-Type': 'text/html', ...extra })
    expect(isShareable(200, html())).toBe(true)
    expect(isShareable(302, html({ Location: '/dashboard' }))).toBe(false)
    expect(isShareable(200, html({ 'Set-Cookie': 'lng=x' }))).toBe(false)
    expect(isShareable(200, html({ 'Cache-Control': 'no-store' }))).toBe(false)
    expect(isShareable(200, html({ 'Cache-Control': 'private, max-age=0' }))).toBe(false)
    expect(isShareable(200, new Headers({ 'Content-Type': 'application/json' }))).toBe(false)
  })
})

describe('the kept pages', () => {
  it('expire after their time and are dropped all at once when the cache is full', () => {
    const cache = new PageCache(1_000, 2)
    const page = { status: 200, headers: [] as [string, string][], body: 'x', nonce: '' }
    cache.set('a', page, 0)
    expect(cache.get('a', 999)?.body).toBe('x')
    expect(cache.get('a', 1_000)).toBeUndefined()
    cache.set('a', page, 0)
    cache.set('b', page, 0)
    cache.set('c', page, 0)
    expect(cache.size).toBe(1)
    expect(cache.get('c', 0)).toBeDefined()
  })

  it('each answer carries its own nonce wherever the page had the first one', () => {
    const page = { status: 200, headers: [], body: '<script nonce="a+b/c==">1</script><link nonce="a+b/c==">', nonce: 'a+b/c==', expires: 1 }
    expect(withNonce(page, 'Zz9=')).toBe('<script nonce="Zz9=">1</script><link nonce="Zz9=">')
  })
})
