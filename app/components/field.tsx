import { useEffect, useRef } from 'react'
import { useTranslation } from '~/i18n/translation'
import { LIMITS } from '~/auth/schemas'
import type { UiKey } from '~/i18n/keys'

type Constraint = { required?: boolean; minLength?: number; maxLength?: number }

type FieldProps = {
  name: string
  inputRef?: React.Ref<HTMLInputElement>
  label: string
  type?: string
  defaultValue?: string
  error?: UiKey
  hint?: string
  autoComplete?: string
  /** The field's rules from the form's zod schema (`getZodConstraint`), as HTML hints. */
  constraint?: Constraint
}

/** A labelled input whose translated error sits next to it and is announced with it. */
export function Field({ name, inputRef, label, type = 'text', defaultValue, error, hint, autoComplete, constraint }: FieldProps) {
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
        required={constraint?.required}
        minLength={constraint?.minLength}
        maxLength={constraint?.maxLength}
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
          {t(error, LIMITS)}
        </p>
      ) : null}
    </div>
  )
}

export function FormError({ error }: { error?: UiKey }) {
  const { t } = useTranslation()
  if (!error) return null
  return (
    // Focusable by script only: a refused form sends focus here when no single field is at fault.
    <p className="error form-error" role="alert" data-field-error="form" tabIndex={-1}>
      {t(error, LIMITS)}
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

/**
 * The field where someone chooses a password (signup, a reset): the signup rule as its hint, cleared
 * after every answer, and `new-password` so password managers offer to generate one.
 */
export function NewPasswordField({ label, error, answer, constraint }: { label: string; error?: UiKey; answer: unknown; constraint?: Constraint }) {
  const { t } = useTranslation()
  const inputRef = useClearedOnAnswer(answer)
  return (
    <Field
      name="password"
      inputRef={inputRef}
      type="password"
      label={label}
      hint={t('signup.passwordHint', LIMITS)}
      error={error}
      autoComplete="new-password"
      constraint={constraint}
    />
  )
}
