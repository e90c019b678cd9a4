// Every string exists, non-empty, in every language: a key missing or empty in fr, en or es fails here.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { LOCALES } from './locales'

const root = 'locales'
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

const namespaces = [...new Set(LOCALES.flatMap((lng) => readdirSync(join(root, lng))))]

describe.each(namespaces)('locales/*/%s', (file) => {
  const trees = Object.fromEntries(
    LOCALES.map((lng) => [lng, flatten(JSON.parse(readFileSync(join(root, lng, file), 'utf8')) as Tree)]),
  )
  const allKeys = [...new Set(Object.values(trees).flatMap((t) => [...t.keys()]))].sort()

  test.each([...LOCALES])('%s has every key, none empty', (lng) => {
    const tree = trees[lng]!
    const missing = allKeys.filter((key) => !tree.has(key))
    const empty = allKeys.filter((key) => tree.has(key) && tree.get(key)!.trim() === '')
    expect({ missing, empty }).toEqual({ missing: [], empty: [] })
  })

  test('interpolations match across languages', () => {
    const vars = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort()
    for (const key of allKeys) {
      const reference = vars(trees.en!.get(key) ?? '')
      for (const lng of LOCALES) expect({ key, lng, vars: vars(trees[lng]!.get(key) ?? '') }).toEqual({ key, lng, vars: reference })
    }
  })
})
