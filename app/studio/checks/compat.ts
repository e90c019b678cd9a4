import { createHash } from 'node:crypto'
import type { caniemail as Caniemail, parseHtml as ParseHtml } from 'caniemail'
import { result, type CheckResult, type Finding } from './types'

type EmailClientGlobs = Parameters<typeof Caniemail>[0]['clients'][number]

// caniemail's data (~18 MB in memory, ~0.3 s to load) is only for the studio: loaded on its first check,
// not at the server's start. `loadCompatData()` before `compatIssues()`; the studio's renders await it.
let lib: { caniemail: typeof Caniemail; parseHtml: typeof ParseHtml } | undefined
export async function loadCompatData() {
  if (!lib) {
    const { caniemail, parseHtml } = await import('caniemail')
    lib = { caniemail, parseHtml }
  }
}
function loaded() {
  if (!lib) throw new Error('compatIssues: caniemail is not loaded yet (await loadCompatData() first)')
  return lib
}

/** The clients most people read email in; caniemail.com's data covers each. */
export const COMPAT_CLIENTS: EmailClientGlobs[] = ['apple-mail.*', 'gmail.*', 'outlook.*', 'yahoo.*', 'samsung-email.android']

export type CompatIssue = { feature: string; support: 'none' | 'partial'; clients: string[]; notes: string[] }

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

type RawIssue = { title: string; notes?: string[] }
/** A caniemail FeatureMap as entries, in its order: client → that client's issues, in the order found. */
type ClientIssues = Array<[string, RawIssue[]]>
type RawIssues = { errors: ClientIssues; warnings: ClientIssues }

/** caniemail's answer summed up per feature: the clients that lack it, caniemail's notes, harmless ones downgraded. */
function summarize({ errors, warnings }: RawIssues): CompatIssue[] {
  const byFeature = new Map<string, CompatIssue>()
  const collect = (map: ClientIssues, support: 'none' | 'partial') => {
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
  collect(errors, 'none')
  collect(warnings, 'partial')
  const list = [...byFeature.values()].sort((a, b) => (a.support === b.support ? b.clients.length - a.clients.length : a.support === 'none' ? -1 : 1))
  for (const entry of list) entry.clients.sort()
  return list
}

/** caniemail calls so far, by kind: a whole email, or a part of one (the tests read them). */
export const caniemailCalls = { whole: 0, parts: 0 }

function check(input: { html: string } | { css: string }, clients: EmailClientGlobs[], kind: 'whole' | 'parts'): RawIssues {
  caniemailCalls[kind]++
  const { issues } = loaded().caniemail({ clients, ...input })
  const entries = (map: Iterable<[string, RawIssue[]]>): ClientIssues => [...map].map(([client, list]) => [client, list.map(({ title, notes }) => ({ title, notes }))])
  return { errors: entries(issues.errors), warnings: entries(issues.warnings) }
}

/**
 * The whole email through caniemail in one call: what compatIssues computed before it checked by parts,
 * kept as the reference the parts are tested against (compat.test.ts), and the fallback.
 */
export function compatIssuesWhole(html: string, clients: EmailClientGlobs[] = COMPAT_CLIENTS): CompatIssue[] {
  return summarize(check({ html: html.replace(PREVIEW_BLOCK, '') }, clients, 'whole'))
}

/*
 * Checking by parts. caniemail (1.0.5) reads an email in two passes: every stylesheet of every <style>
 * (the first text inside it), then every element reachable from the top-level elements through elements
 * and <style>s, in document order, each on its own: its tag name, its attributes and their values, the
 * declarations of its style attribute. Nothing else (text, comments, the element's place in the tree)
 * changes what it finds; positions do, and the studio shows none. So an email's answer is the answers of
 * its parts (stylesheets first, then elements in order) put end to end, and a part seen before adds
 * nothing new: every (client, feature) it would add is already there, earlier, and summarize() keeps the
 * first of each. The grid's 42 emails have 50–60 elements each but only ~70 distinct parts between
 * them: each part goes through caniemail once per process (a tag and its attributes rebuilt as a tiny
 * document), instead of every element of every email.
 */
type DomNode = { type: string; name?: string; attribs?: Record<string, string>; childNodes?: DomNode[]; data?: unknown }

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
const openTag = (node: DomNode) =>
  `<${node.name}${Object.entries(node.attribs ?? {})
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('')}>`

/**
 * What caniemail reads of a parsed document, in its order: stylesheets' texts, then elements as their
 * opening tags, prefixed with how many elements the part holds (1; 2 for a <style> inside its parent's).
 */
function partsOf(document: DomNode): { stylesheets: string[]; elements: string[] } | null {
  const stylesheets: string[] = []
  const findStyles = (node: DomNode) => {
    if (node.type === 'style') {
      const text = node.childNodes?.[0]
      if (text && typeof text.data !== 'string') throw new Error('unexpected')
      if (text) stylesheets.push(text.data as string)
      return
    }
    for (const child of node.childNodes ?? []) findStyles(child)
  }
  const elements: string[] = []
  // caniemail only walks into an element from a top-level one: a <style> alone at the top is not checked
  // as an element, so it is checked inside its parent (whose own part came earlier and adds nothing).
  const walk = (node: DomNode, parent: string) => {
    const tag = openTag(node)
    elements.push(node.type === 'style' ? `2${parent}${tag}` : `1${tag}`)
    for (const child of node.childNodes ?? []) if (child.type === 'tag' || child.type === 'style') walk(child, tag)
  }
  try {
    for (const node of document.childNodes ?? []) findStyles(node)
    for (const node of document.childNodes ?? []) if (node.type === 'tag') walk(node, '')
  } catch {
    return null
  }
  return { stylesheets, elements }
}

// A part rebuilt as a document must parse back to the very element it was taken from (same tag, same
// attributes and values), or it is not the same part: then the email is checked whole.
function rebuiltFaithfully(part: string): boolean {
  const parts = partsOf(loaded().parseHtml(part.slice(1)).document as unknown as DomNode)
  return !!parts && parts.stylesheets.length === 0 && parts.elements.length === Number(part[0]) && parts.elements.at(-1) === part
}

// Bounded so that a long-running server checking ever new markup (the editor's custom data) cannot grow them forever.
const PARTS_MAX = 5000
const EMAILS_MAX = 500
const partCache = new Map<string, RawIssues | null>()
const emailCache = new Map<string, CompatIssue[]>()
function keep<V>(cache: Map<string, V>, max: number, key: string, value: V) {
  if (cache.size >= max) cache.delete(cache.keys().next().value!)
  cache.set(key, value)
}

function partIssues(kind: 'css' | 'html', part: string, clients: EmailClientGlobs[]): RawIssues | null {
  const key = `${clients.join(',')}|${kind}|${part}`
  let found = partCache.get(key)
  if (found === undefined) {
    found =
      kind === 'css'
        ? part === ''
          ? { errors: [], warnings: [] }
          : check({ css: part }, clients, 'parts')
        : rebuiltFaithfully(part)
          ? check({ html: part.slice(1) }, clients, 'parts')
          : null
    keep(partCache, PARTS_MAX, key, found)
  }
  return found
}

/** Features of this HTML that some of COMPAT_CLIENTS do not support (none) or support in part. */
export function compatIssues(html: string, clients: EmailClientGlobs[] = COMPAT_CLIENTS): CompatIssue[] {
  const checked = html.replace(PREVIEW_BLOCK, '')
  const parts = partsOf(loaded().parseHtml(checked).document as unknown as DomNode)
  if (!parts) return compatIssuesWhole(html, clients)
  const distinct = (list: string[]) => [...new Set(list)]
  const stylesheets = distinct(parts.stylesheets)
  const elements = distinct(parts.elements)
  // The same parts give the same answer: the three languages of a template (their text differs, rarely
  // their markup) and repeated renders share one list.
  const key = createHash('sha1')
    .update(`${clients.join(',')}\u0000${stylesheets.join('\u0000')}\u0001${elements.join('\u0000')}`)
    .digest('base64url')
  const cached = emailCache.get(key)
  if (cached) return cached
  // Each client's features, each once, in the order found: what summarize() reads of the parts' answers
  // put end to end (a feature found again for the same client changes nothing in it).
  const merged = { errors: new Map<string, Map<string, RawIssue>>(), warnings: new Map<string, Map<string, RawIssue>>() }
  const add = (issues: RawIssues) => {
    for (const level of ['errors', 'warnings'] as const) {
      for (const [client, list] of issues[level]) {
        let found = merged[level].get(client)
        if (!found) merged[level].set(client, (found = new Map()))
        for (const issue of list) if (!found.has(issue.title)) found.set(issue.title, issue)
      }
    }
  }
  for (const [kind, list] of [
    ['css', stylesheets],
    ['html', elements],
  ] as const) {
    for (const part of list) {
      const issues = partIssues(kind, part, clients)
      if (!issues) return compatIssuesWhole(html, clients)
      add(issues)
    }
  }
  const entries = (map: Map<string, Map<string, RawIssue>>): ClientIssues => [...map].map(([client, found]) => [client, [...found.values()]])
  const list = summarize({ errors: entries(merged.errors), warnings: entries(merged.warnings) })
  keep(emailCache, EMAILS_MAX, key, list)
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
