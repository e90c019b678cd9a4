import { useTranslation } from 'react-i18next'
import { Form, useLocation } from 'react-router'
import { LOCALES } from '~/i18n/locales'

/** A plain form, so it works before JavaScript loads; the choice is kept in a cookie and on the profile. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation()
  const location = useLocation()
  return (
    <Form method="post" action="/language" className="language-switcher" reloadDocument>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <label htmlFor="lng">{t('language.label')}</label>
      <select id="lng" name="lng" defaultValue={i18n.language} key={i18n.language}>
        {LOCALES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {t(`language.${lng}`)}
          </option>
        ))}
      </select>
      <button type="submit">{t('language.submit')}</button>
    </Form>
  )
}
