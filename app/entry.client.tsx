import i18next from 'i18next'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { HydratedRouter } from 'react-router/dom'
import { LOCALES } from './i18n/locales'
import { uiResources } from './i18n/resources'
import { TranslationProvider } from './i18n/translation'

async function main() {
  // The server already chose the language and wrote it into <html lang>.
  await i18next.use(initReactI18next).init({
    resources: uiResources,
    lng: document.documentElement.lang,
    supportedLngs: [...LOCALES],
    fallbackLng: false,
    interpolation: { escapeValue: false },
  })
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <TranslationProvider>
          <StrictMode>
            <HydratedRouter />
          </StrictMode>
        </TranslationProvider>
      </I18nextProvider>,
    )
  })
}

main().catch((error) => console.error(error))
