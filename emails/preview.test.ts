import { render } from '@react-email/render'
import { createElement, type FunctionComponent } from 'react'
import { describe, expect, test } from 'vitest'
import { emailResources } from '#locales/emails.server'
import { TEMPLATE_IDS } from '~/email/registry.server'
import type { EmailProps } from './types'

type TemplateModule = {
  default: FunctionComponent<EmailProps> & { PreviewProps: EmailProps }
  previewText: (props: EmailProps) => string
}
// Every template file, as the React Email CLI (`email dev`) finds them: what it opens is the default
// export, rendered with its PreviewProps.
const modules = import.meta.glob<TemplateModule>('./*.tsx', { eager: true })
const rawKey = new RegExp(`>\\s*(${Object.keys(emailResources.en).join('|')})\\.[\\w.]+\\s*<`)
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;')

describe('templates open on their own (React Email CLI)', () => {
  test('one file per template in the registry', () => {
    expect(Object.keys(modules).map((path) => path.slice(2, -4)).sort()).toEqual([...TEMPLATE_IDS].sort())
  })

  for (const [path, module] of Object.entries(modules)) {
    test(`${path}: the default export renders its PreviewProps`, async () => {
      const Email = module.default
      const props = Email.PreviewProps
      const html = await render(createElement(Email, props))
      expect(html).toMatch(new RegExp(`<html[^>]* lang="${props.locale}"`))
      expect(html).toContain(escapeHtml(module.previewText(props)))
      // Every string came through the translator: no raw key such as `welcome.heading` is left.
      expect(html).not.toMatch(rawKey)
    })
  }
})
