import { z } from 'zod'
import { NAME_MAX, PersonNameSchema } from '~/events/person-name'

export { NAME_MAX }

export const EMAIL_MAX = 254
export const PASSWORD_MIN = 10
export const PASSWORD_MAX = 128

// Error messages are translation keys; the page shows them in its own language.
/** An email address as Courrier accepts it anywhere (signup, login, invitations, the studio's test sends). */
export const EmailSchema = z
  .string({ error: 'errors.emailInvalid' })
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX, 'errors.emailInvalid')
  .pipe(z.email({ error: 'errors.emailInvalid' }))

export const SignupSchema = z.object({
  name: PersonNameSchema,
  email: EmailSchema,
  password: z
    .string({ error: 'errors.passwordTooShort' })
    .min(PASSWORD_MIN, 'errors.passwordTooShort')
    .max(PASSWORD_MAX, 'errors.passwordTooLong'),
})
export type SignupInput = z.infer<typeof SignupSchema>

export const LoginSchema = z.object({
  email: EmailSchema,
  password: z.string({ error: 'errors.passwordRequired' }).min(1, 'errors.passwordRequired').max(PASSWORD_MAX, 'errors.invalidCredentials'),
})

export const LIMITS = { min: PASSWORD_MIN, max: PASSWORD_MAX, nameMax: NAME_MAX }

export const ForgotPasswordSchema = z.object({ email: EmailSchema })

/** A new password follows the signup rule, the same one. */
export const ResetPasswordSchema = z.object({ password: SignupSchema.shape.password })

/** Deleting an account: the current password, as a sign-in asks it (no rule but "given", so a long-standing password still works). */
export const DeleteAccountSchema = z.object({ password: z.string({ error: 'errors.passwordRequired' }).min(1, 'errors.passwordRequired').max(PASSWORD_MAX, 'errors.passwordTooLong') })
