import { useTranslation } from '~/i18n/translation'
import { data, Form, useNavigation } from 'react-router'
import type { Route } from './+types/admin.team'
import { SubmitButton, useFocusOnAnswer } from '~/components/submit'
import { titleMeta } from '~/components/title-meta'
import { formAction, forwardActionHeaders, readForm } from '~/auth/form-guards.server'
import { listStudioTeam, requireAdmin, setMarketerRole } from '~/auth/roles.server'
import type { FormErrors } from '~/http/parse-form.server'
import { getInstance } from '~/i18n/i18next.server'
import { DataTable } from '~/studio/ui/data-table'
import type { UiKey } from '~/i18n/keys'

export const headers = forwardActionHeaders

export async function loader({ request, context }: Route.LoaderArgs) {
  const admin = await requireAdmin(request)
  return { title: getInstance(context).t('studio.team.title'), team: listStudioTeam(), me: admin.id }
}

export const meta: Route.MetaFunction = titleMeta

export async function action({ request }: Route.ActionArgs) {
  await requireAdmin(request)
  return formAction(request, async () => {
    const form = await readForm(request)
    const intent = form.get('intent')
    const email = String(form.get('email') ?? '')
    if ((intent !== 'grant' && intent !== 'revoke') || !email) return data({ ok: false as const, error: 'errors.emailInvalid' satisfies UiKey as UiKey, email }, { status: 400 })
    const result = setMarketerRole(email, intent === 'grant')
    if (!result.ok)
      return data({ ok: false as const, error: `studio.team.${result.error}` satisfies UiKey as UiKey, email }, { status: result.error === 'unknownUser' ? 404 : 409 })
    return { ok: true as const, intent, email: result.member.email }
  })
}

export default function Team({ loaderData: { team }, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const submitting = useNavigation().state === 'submitting'
  const answer = actionData as { ok?: boolean; error?: UiKey; intent?: string; email?: string; errors?: FormErrors } | undefined
  const error = answer?.ok === false || answer?.errors?.form ? (answer.error ?? answer.errors?.form) : undefined
  // A refusal marks the address field; a role taken away takes its button with it, so focus goes to the result.
  const pageRef = useFocusOnAnswer<HTMLDivElement>(answer)
  return (
    <div ref={pageRef}>
      <h1>{t('studio.team.title')}</h1>
      <p className="hint">{t('studio.team.intro')}</p>
      <Form method="post" className="filters-form">
        <input type="hidden" name="intent" value="grant" />
        <div className="field">
          <label htmlFor="grant-email">{t('studio.team.email')}</label>
          <input
            id="grant-email"
            name="email"
            type="email"
            required
            defaultValue={error ? answer?.email : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'team-error' : undefined}
          />
        </div>
        <SubmitButton pending={submitting}>{t('studio.team.grant')}</SubmitButton>
      </Form>
      {error ? (
        <p className="error" role="alert" id="team-error">
          {t(error, { email: answer?.email })}
        </p>
      ) : null}
      {answer?.ok ? (
        <p className="success" role="status" tabIndex={-1} data-answer-focus={answer.intent === 'revoke' ? '' : undefined}>
          {t(answer.intent === 'grant' ? 'studio.team.granted' : 'studio.team.revoked', { email: answer.email })}
        </p>
      ) : null}
      <DataTable testId="team" rows={team} empty={null} columns={[t('studio.team.name'), t('studio.team.email'), t('studio.team.role'), t('studio.team.actions')]}>
        {(member) => (
          <tr key={member.id}>
            <td translate="no">{member.name}</td>
            <td>{member.email}</td>
            <td>{t(`studio.roles.${member.role}`)}</td>
            <td>
              {member.role === 'marketer' ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="email" value={member.email} />
                  <SubmitButton className="secondary" pending={submitting} aria-label={`${t('studio.team.revoke')}: ${member.email}`}>
                    {t('studio.team.revoke')}
                  </SubmitButton>
                </Form>
              ) : null}
            </td>
          </tr>
        )}
      </DataTable>
    </div>
  )
}
