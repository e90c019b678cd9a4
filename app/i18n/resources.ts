import { uiResources, type UiStrings } from '#locales/ui'

export { uiResources }

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: UiStrings }
  }
}
