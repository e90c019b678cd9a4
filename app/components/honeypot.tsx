import { useTranslation } from '~/i18n/translation'

/** A field people never see and bots fill in; the server refuses any form where it has a value. */
export function Honeypot() {
  const { t } = useTranslation()
  return (
    <div className="hp" aria-hidden="true">
      <label htmlFor="website">{t('signup.honeypot')}</label>
      <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  )
}
