import { describe, expect, it } from 'vitest'
import { LOCALES } from '~/i18n/locales'
import { renderAllLocales, sampleInput, templateInfo, TEMPLATE_IDS } from './templates.server'

// Every template, every sample, every language: the accessibility check the studio shows passes, so a
// template cannot lose its title, its headings, its lists or its underlines without a red test.
describe('every template passes the semantics check', () => {
  for (const id of TEMPLATE_IDS) {
    it(id, async () => {
      for (const { key } of templateInfo(id).samples) {
        const rendered = await renderAllLocales(id, sampleInput(id, key)!)
        for (const locale of LOCALES) {
          const semantics = rendered[locale].checks.find((check) => check.id === 'semantics')
          expect(semantics, `${id} ${key} ${locale}`).toEqual({ id: 'semantics', status: 'pass', findings: [] })
        }
      }
    })
  }
})
