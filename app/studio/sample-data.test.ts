import { describe, expect, it } from 'vitest'
import en from '#locales/en/translation.json'
import { TEMPLATE_IDS } from '~/email/registry.server'
import { LOCALES } from '~/i18n/locales'
import { validateSampleData, type DataMessages } from './sample-data.server'
import { templateInfo } from './templates.server'

const messages = (locale: DataMessages['locale']): DataMessages => ({
  locale,
  translate: (m) => m,
  jsonInvalid: (at) => (at ? `JSON ${at.line}:${at.column}` : 'JSON'),
})

describe('the data editor speaks the interface language', () => {
  it("gives zod's messages in the interface language, with the field they are about", () => {
    const json = JSON.stringify({ userId: '', userName: 'Zoé' })
    const said = Object.fromEntries(LOCALES.map((locale) => [locale, validateSampleData('welcome', json, messages(locale))]))
    expect(said.en).toMatchObject({ ok: false, message: expect.stringMatching(/^userId: Too small/) })
    expect(said.fr).toMatchObject({ ok: false, message: expect.stringMatching(/^userId: Trop petit/) })
    expect(said.es).toMatchObject({ ok: false, message: expect.stringMatching(/^userId: Demasiado pequeño/) })
  })

  it('says where a JSON mistake is, as a line and a column', () => {
    expect(validateSampleData('welcome', '{\n  "userName": \n', messages('fr'))).toEqual({ ok: false, message: 'JSON 3:1' })
    expect(validateSampleData('welcome', '{\n  "a": 1,\n}', messages('fr'))).toEqual({ ok: false, message: 'JSON 3:1' })
  })

  it('accepts a sample as it is', () => {
    expect(validateSampleData('welcome', JSON.stringify({ userId: 'usr_1', userName: 'Zoé' }), messages('es')).ok).toBe(true)
  })
})

describe('the registry in the studio, in every language', () => {
  // locales.test.ts makes sure fr and es have every key en has: en must have every template and sample.
  it('has a description for every template and a name for every sample', () => {
    const studio = en.studio as { templates: Record<string, string>; sampleLabels: Record<string, string> }
    for (const id of TEMPLATE_IDS) {
      expect(studio.templates[id], id).toBeTruthy()
      for (const sample of templateInfo(id).samples) expect(studio.sampleLabels[sample.key], `${id}/${sample.key}`).toBeTruthy()
    }
  })
})
