import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { LIMITS } from '~/auth/schemas'

type FieldProps = {
  name: string
  inputRef?: React.Ref<HTMLInputElement>
  label: string
  type?: string
  defaultValue?: string
  error?: string
  hint?: string
  autoComplete?: string
}

/** A labelled input whose translated error sits next to it and is announced with it. */
export function Field({ name, inputRef, label, type = 'text', defaultValue, error, hint, autoComplete }: FieldProps) {
  const { t } = useTranslation()
  const errorId = `${name}-error`
  const hintId = `${name}-hint`
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        ref={inputRef}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="error" role="alert" data-field-error={name}>
          {/* error is a translation key produced by the server's validation */}
          {t(error as 'errors.rejected', LIMITS)}
        </p>
      ) : null}
    </div>
  )
}

export function FormError({ error }: { error?: string }) {
  const { t } = useTranslation()
  if (!error) return null
  return (
    <p className="error form-error" role="alert" data-field-error="form">
      {t(error as 'errors.rejected', LIMITS)}
    </p>
  )
}

/** Empties a password input after every answer from the server: a refused form never keeps it. */
export function useClearedOnAnswer(answer: unknown) {
  const ref = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (answer && ref.current) ref.current.value = ''
  }, [answer])
  return ref
}
