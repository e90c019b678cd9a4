import { useEffect, useRef, type ButtonHTMLAttributes } from 'react'

type SubmitButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'disabled'> & {
  /** The form is on its way: the button says so and ignores more clicks (and Enter). */
  pending: boolean
}

/**
 * A submit button that keeps focus while its form is sent. `disabled` on a focused button drops focus to
 * `<body>` (keyboard and screen reader users start over from the top); `aria-disabled` tells the same
 * thing and a cancelled click keeps the one-submission guarantee, since Enter in a field clicks it too.
 */
export function SubmitButton({ pending, onClick, children, ...props }: SubmitButtonProps) {
  return (
    <button
      {...props}
      type="submit"
      aria-disabled={pending || undefined}
      onClick={(event) => {
        if (pending) event.preventDefault()
        else onClick?.(event)
      }}
    >
      {children}
    </button>
  )
}

/**
 * What an answer points at, the first in document order: a form-level error (at the top of its form), an
 * invalid field, or a line marked `data-answer-focus` (a result that replaced the button that asked for it).
 */
const NEEDS_ATTENTION = '[data-field-error="form"], [aria-invalid="true"], [data-answer-focus]'

/**
 * After each answer from the server, moves focus to the first thing that needs attention in the form
 * (the first invalid field, or the form's own error), so that nobody has to look for what went wrong.
 * An answer without errors leaves focus where it is. Give the returned ref to the `<Form>` (or to the
 * element around the form and its messages).
 */
export function useFocusOnAnswer<T extends HTMLElement = HTMLFormElement>(answer: unknown) {
  const ref = useRef<T>(null)
  useEffect(() => {
    if (!answer) return
    ref.current?.querySelector<HTMLElement>(NEEDS_ATTENTION)?.focus()
  }, [answer])
  return ref
}
