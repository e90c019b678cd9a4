// Every string exists, non-empty, in every language of LOCALES: a key missing or empty fails here, and
// so does a language added to LOCALES whose folder under locales/ is missing or incomplete.
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { LOCALES } from './locales'

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

const vars = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort()

/**
 * What each language lacks against the source language (en), per file of `root/en/`: missing and empty
 * keys, and strings whose placeholders differ. A language without its folder lacks everything.
 */
export function translationGaps(root: string, languages: readonly string[]) {
  const gaps: Array<{ lng: string; file: string; missing: string[]; empty: string[]; placeholders: string[] }> = []
  for (const file of readdirSync(join(root, 'en')).filter((f) => f.endsWith('.json'))) {
    const source = flatten(JSON.parse(readFileSync(join(root, 'en', file), 'utf8')) as Tree)
    for (const lng of languages) {
      const path = join(root, lng, file)
      const tree = existsSync(path) ? flatten(JSON.parse(readFileSync(path, 'utf8')) as Tree) : new Map<string, string>()
      const keys = [...source.keys()]
      const missing = keys.filter((key) => !tree.has(key))
      const empty = keys.filter((key) => tree.has(key) && tree.get(key)!.trim() === '')
      const placeholders = keys.filter((key) => tree.has(key) && vars(tree.get(key)!).join() !== vars(source.get(key)!).join())
      const extra = [...tree.keys()].filter((key) => !source.has(key))
      if (missing.length || empty.length || placeholders.length || extra.length) gaps.push({ lng, file, missing, empty, placeholders: [...placeholders, ...extra.map((k) => `${k} (not in en)`)] })
    }
  }
  return gaps
}

const files = readdirSync(join('locales', 'en')).filter((f) => f.endsWith('.json'))
const gapsOf = (lng: string, file: string) => translationGaps('locales', [lng]).filter((gap) => gap.file === file)

describe.each(files)('locales/*/%s', (file) => {
  test.each([...LOCALES])('%s has every string, none empty', (lng) => {
    expect(gapsOf(lng, file).flatMap(({ missing, empty }) => [...missing.map((k) => `missing ${k}`), ...empty.map((k) => `empty ${k}`)])).toEqual([])
  })

  test('placeholders match the source language, and no language has keys the source lacks', () => {
    expect(LOCALES.flatMap((lng) => gapsOf(lng, file).flatMap((gap) => gap.placeholders.map((key) => `${lng}: ${key}`)))).toEqual([])
  })
})

describe('adding a language', () => {
  test('a fourth language added to LOCALES is reported string by string until its folder is complete', () => {
    const root = mkdtempSync(join(tmpdir(), 'courrier-locales-'))
    for (const lng of ['en', 'de']) mkdirSync(join(root, lng))
    writeFileSync(join(root, 'en', 'translation.json'), JSON.stringify({ nav: { login: 'Sign in', signup: 'Sign up' }, hello: 'Hello {{name}}' }))
    writeFileSync(join(root, 'de', 'translation.json'), JSON.stringify({ nav: { login: 'Anmelden' }, hello: 'Hallo' }))
    writeFileSync(join(root, 'en', 'emails.json'), JSON.stringify({ subject: 'Welcome' }))
    expect(translationGaps(root, [...LOCALES.filter((l) => l === 'en'), 'de'])).toEqual([
      { lng: 'de', file: 'emails.json', missing: ['subject'], empty: [], placeholders: [] },
      { lng: 'de', file: 'translation.json', missing: ['nav.signup'], empty: [], placeholders: ['hello'] },
    ])
  })
})
