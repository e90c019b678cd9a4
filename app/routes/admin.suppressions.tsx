import { useTranslation } from '~/i18n/translation'
import { data, Form, useNavigation } from 'react-router'
import type { Route } from './+types/admin.suppressions'
import { SubmitButton, useFocusOnAnswer } from '~/components/submit'
import { titleMeta } from '~/components/title-meta'
import { formAction, forwardActionHeaders, readForm } from '~/auth/form-guards.server'
import { requireAdmin, requireStudioUser } from '~/auth/roles.server'
import { getInstance } from '~/i18n/i18next.server'
import type { UiKey } from '~/i18n/keys'
import { liftSuppressionEntry, listSuppressions, recentLifts } from '~/preferences/suppressions.server'
import { DataTable } from '~/studio/ui/data-table'
import { DateTime } from '~/studio/ui/date-time'

export const headers = forwardActionHeaders

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireStudioUser(request)
  const search = new URL(request.url).searchParams.get('q')?.slice(0, 254) ?? ''
  return { title: getInstance(context).t('suppressions.title'), search, entries: listSuppressions({ search }), lifts: recentLifts(), canLift: user.role === 'admin' }
}

export const meta: Route.MetaFunction = titleMeta

type Answer = { ok: true; email: string } | { ok: false; error: UiKey; id: string }

export async function action({ request }: Route.ActionArgs) {
  const admin = await requireAdmin(request)
  return formAction(request, async () => {
    const form = await readForm(request)
    const id = String(form.get('id') ?? '').slice(0, 64)
    const note = String(form.get('note') ?? '').trim()
    if (!id) return data({ ok: false, error: 'suppressions.notFound', id } satisfies Answer, { status: 400 })
    if (note.length < 3 || note.length > 500) return data({ ok: false, error: 'suppressions.noteRequired', id } satisfies Answer, { status: 400 })
    const result = liftSuppressionEntry({ id, note, by: admin.id })
    if (!result.ok) return data({ ok: false, error: result.error === 'not-found' ? 'suppressions.notFound' : 'suppressions.notLiftable', id } satisfies Answer, { status: result.error === 'not-found' ? 404 : 409 })
    return { ok: true, email: result.email } satisfies Answer
  })
}

export default function Suppressions({ loaderData: { search, entries, lifts, canLift }, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const submitting = useNavigation().state === 'submitting'
  const answer = actionData as Answer | undefined
  const pageRef = useFocusOnAnswer<HTMLDivElement>(answer)
  return (
    <div ref={pageRef}>
      <h1>{t('suppressions.title')}</h1>
      <p className="hint">{t('suppressions.intro')}</p>
      <Form method="get" className="filters-form" role="search">
        <div className="field">
          <label htmlFor="suppression-search">{t('suppressions.search')}</label>
          <input id="suppression-search" name="q" type="search" defaultValue={search} />
        </div>
        <button type="submit" className="secondary">
          {t('suppressions.filter')}
        </button>
      </Form>
      {answer?.ok ? (
        <p className="success" role="status" tabIndex={-1} data-answer-focus="">
          {t('suppressions.lifted', { email: answer.email })}
        </p>
      ) : null}
      {answer && !answer.ok && !entries.some((e) => e.id === answer.id) ? (
        <p className="error" role="alert" tabIndex={-1} data-answer-focus="">
          {t(answer.error)}
        </p>
      ) : null}
      <DataTable
        testId="suppressions"
        label={t('suppressions.title')}
        rows={entries}
        empty={<p data-testid="suppressions-empty">{t('suppressions.empty')}</p>}
        columns={[t('suppressions.address'), t('suppressions.reason'), t('suppressions.since'), t('suppressions.detail'), t('suppressions.actions')]}
      >
        {(entry) => {
          const failed = answer && !answer.ok && answer.id === entry.id ? answer : null
          return (
            <tr key={entry.id} data-email={entry.email}>
              <th scope="row">{entry.email}</th>
              <td>
                {t(`suppressions.reasons.${entry.reason}`)}
                {entry.topic ? ` (${t(`studio.topic.${entry.topic}`)})` : ''}
              </td>
              <td>
                <DateTime iso={entry.createdAt} />
              </td>
              <td className="detail-cell">{entry.detail ?? '—'}</td>
              <td>
                {entry.liftable && canLift ? (
                  <Form method="post" className="lift-form">
                    <input type="hidden" name="id" value={entry.id} />
                    <label htmlFor={`note-${entry.id}`} className="visually-hidden">
                      {t('suppressions.noteLabel', { email: entry.email })}
                    </label>
                    <input
                      id={`note-${entry.id}`}
                      name="note"
                      required
                      minLength={3}
                      maxLength={500}
                      placeholder={t('suppressions.notePlaceholder')}
                      aria-invalid={failed ? true : undefined}
                      aria-describedby={failed ? `lift-error-${entry.id}` : undefined}
                    />
                    <SubmitButton className="secondary" pending={submitting} aria-label={t('suppressions.liftFor', { email: entry.email })}>
                      {t('suppressions.lift')}
                    </SubmitButton>
                    {failed ? (
                      <span className="error" id={`lift-error-${entry.id}`} role="alert">
                        {t(failed.error)}
                      </span>
                    ) : null}
                  </Form>
                ) : entry.liftable ? (
                  t('suppressions.adminsOnly')
                ) : (
                  t('suppressions.userChoice')
                )}
              </td>
            </tr>
          )
        }}
      </DataTable>
      {lifts.length > 0 ? (
        <>
          <h2>{t('suppressions.liftsTitle')}</h2>
          <DataTable testId="lifts" label={t('suppressions.liftsTitle')} rows={lifts} empty={null} columns={[t('suppressions.address'), t('suppressions.reason'), t('suppressions.liftedBy'), t('suppressions.note'), t('suppressions.when')]}>
            {(lift) => (
              <tr key={lift.id}>
                <th scope="row">{lift.email}</th>
                <td>{t(`suppressions.reasons.${lift.reason}`)}</td>
                <td>{lift.by ?? '—'}</td>
                <td>{lift.note}</td>
                <td>
                  <DateTime iso={lift.createdAt} />
                </td>
              </tr>
            )}
          </DataTable>
        </>
      ) : null}
    </div>
  )
}
