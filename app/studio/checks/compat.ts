import { createHash } from 'node:crypto'
import type { caniemail as Caniemail } from 'caniemail'
import { result, type CheckResult, type Finding } from './types'

type EmailClientGlobs = Parameters<typeof Caniemail>[0]['clients'][number]

// caniemail's data (~18 MB in memory, ~0.3 s to load) is only for the studio: loaded on its first check,
// not at the server's start. `loadCompatData()` before `compatIssues()`; the studio's renders await it.
let caniemail: typeof Caniemail | undefined
export async function loadCompatData() {
  caniemail ??= (await import('caniemail')).caniemail
}

/** The clients most people read email in; caniemail.com's data covers each. */
export const COMPAT_CLIENTS: EmailClientGlobs[] = ['apple-mail.*', 'gmail.*', 'outlook.*', 'yahoo.*', 'samsung-email.android']

export type CompatIssue = { feature: string; support: 'none' | 'partial'; clients: string[]; notes: string[] }

// caniemail looks at elements, attributes and CSS, never at text: the three languages of a template
// share one result, and so do repeated renders. Bounded so a long-running server cannot grow it forever.
const cache = new Map<string, CompatIssue[]>()
const CACHE_MAX = 500

// React Email's <Preview> hides its text with several properties at once (display, opacity, max-height…)
// so that every client honours at least one: each property alone is "unsupported" somewhere, by design.
const PREVIEW_BLOCK = /<div[^>]*data-skip-in-text="true"[^>]*>[\s\S]*?<\/div><\/div>/

/**
 * Unsupported, and it does not matter: what the client does instead is what the email wants anyway.
 * Listed with the reason; they are shown as partial support, not as warnings.
 */
export const HARMLESS: Record<string, string> = {
  'target attribute': 'clients that ignore it open every link in a new window anyway',
  'role attribute': 'an accessibility hint; clients that drop it show the same layout',
}

function markupKey(html: string): string {
  const markup = html.replace(/>[^<]+</g, '><')
  return createHash('sha1').update(markup).digest('base64url')
}

/** Features of this HTML that some of COMPAT_CLIENTS do not support (none) or support in part. */
export function compatIssues(html: string, clients: EmailClientGlobs[] = COMPAT_CLIENTS): CompatIssue[] {
  const key = `${clients.join(',')}|${markupKey(html)}`
  const cached = cache.get(key)
  if (cached) return cached
  if (!caniemail) throw new Error('compatIssues: caniemail is not loaded yet (await loadCompatData() first)')
  const { issues } = caniemail({ clients, html: html.replace(PREVIEW_BLOCK, '') })
  const byFeature = new Map<string, CompatIssue>()
  const collect = (map: Iterable<[string, Array<{ title: string; notes?: string[] }>]>, support: 'none' | 'partial') => {
    for (const [client, list] of map) {
      for (const issue of list) {
        const level = support === 'none' && HARMLESS[issue.title] ? 'partial' : support
        const id = `${level}|${issue.title}`
        const entry = byFeature.get(id) ?? { feature: issue.title, support: level, clients: [], notes: level !== support ? [HARMLESS[issue.title]!] : [] }
        if (!entry.clients.includes(client)) entry.clients.push(client)
        for (const note of issue.notes ?? []) if (!entry.notes.includes(note)) entry.notes.push(note)
        byFeature.set(id, entry)
      }
    }
  }
  collect(issues.errors, 'none')
  collect(issues.warnings, 'partial')
  const list = [...byFeature.values()].sort((a, b) => (a.support === b.support ? b.clients.length - a.clients.length : a.support === 'none' ? -1 : 1))
  for (const entry of list) entry.clients.sort()
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!)
  cache.set(key, list)
  return list
}

/** Unsupported features are warnings (the email still arrives, it looks different); partial support is listed for reference. */
export function checkCompat(html: string): CheckResult {
  const findings: Finding[] = compatIssues(html).map((issue) => ({
    key: issue.support === 'none' ? 'compatUnsupported' : 'compatPartial',
    params: { feature: issue.feature, clients: issue.clients.join(', '), count: issue.clients.length },
    status: 'warn' as const,
    detail: issue.notes,
  }))
  // Partial support alone does not make the badge orange: nearly every real email has some.
  const status = findings.some((f) => f.key === 'compatUnsupported') ? 'warn' : 'pass'
  return { ...result('compat', findings), status }
}
