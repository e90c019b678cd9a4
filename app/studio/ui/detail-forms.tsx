import { useTranslation } from '~/i18n/translation'
import { Link, type useFetcher } from 'react-router'
import { SubmitButton, useFocusOnAnswer } from '~/components/submit'
import type { FormErrors } from '~/http/parse-form.server'
import type { DetailActionData } from '../detail-action.server'
import type { StudioView } from '../templates.server'
import { useStudioFormat } from './format'

type Answer = (DetailActionData & { errors?: FormErrors }) | undefined
type Fetcher = ReturnType<typeof useFetcher<DetailActionData>>

const errorOf = (answer: Answer) => (answer && 'ok' in answer && !answer.ok ? answer.error : answer?.errors?.form)

function ErrorLine({ answer, id }: { answer: Answer; id: string }) {
  const { t } = useTranslation()
  const key = errorOf(answer)
  if (!key) return null
  return (
    <p className="error" role="alert" id={id} data-field-error="form" tabIndex={-1}>
      {t(key)}
    </p>
  )
}

/** Sends the rendering on screen (sample or edited data, this language) to one address. */
export function SendTestForm({ fetcher, answer, view, data }: { fetcher: Fetcher; answer: Answer; view: StudioView; data: string }) {
  const { t } = useTranslation()
  const { languageName } = useStudioFormat()
  const sent = answer && 'ok' in answer && answer.ok && answer.intent === 'send-test' ? answer : undefined
  const mine = answer?.intent === 'send-test' || answer?.errors ? answer : undefined
  const refused = Boolean(errorOf(mine))
  // The refusal is about the address: the field is marked and takes focus (not the line under it).
  const panelRef = useFocusOnAnswer<HTMLElement>(mine)
  return (
    <section className="panel" aria-labelledby="send-title" ref={panelRef}>
      <h2 id="send-title">{t('studio.send.title')}</h2>
      <fetcher.Form method="post">
        <input type="hidden" name="intent" value="send-test" />
        <input type="hidden" name="locale" value={view.locale} />
        <input type="hidden" name="sample" value={view.sample} />
        <input type="hidden" name="data" value={data} />
        <div className="field">
          <label htmlFor="test-to">{t('studio.send.to')}</label>
          <input id="test-to" name="to" type="email" required autoComplete="email" aria-invalid={refused || undefined} aria-describedby={refused ? 'send-error' : undefined} />
        </div>
        <SubmitButton pending={fetcher.state !== 'idle'}>{t('studio.send.submit', { language: languageName(view.locale) })}</SubmitButton>
      </fetcher.Form>
      <ErrorLine answer={mine} id="send-error" />
      {sent ? (
        <p className="success" role="status" data-testid="send-result">
          {t(sent.transport === 'local' ? 'studio.send.storedLocally' : 'studio.send.sent', { to: sent.to })}{' '}
          {sent.transport === 'local' ? <Link to={`/admin/mailbox/${sent.messageId}`}>{t('studio.send.open')}</Link> : null}
        </p>
      ) : null}
    </section>
  )
}

/** Emits the event itself through the outbox: the real function runs and sends what it sends. */
export function EmitEventForm({
  fetcher,
  answer,
  view,
  data,
  event,
  canEmit,
}: {
  fetcher: Fetcher
  answer: Answer
  view: StudioView
  data: string
  event: string
  canEmit: boolean
}) {
  const { t } = useTranslation()
  const emitted = answer && 'ok' in answer && answer.ok && answer.intent === 'emit' ? answer : undefined
  const panelRef = useFocusOnAnswer<HTMLElement>(answer?.intent === 'emit' ? answer : undefined)
  return (
    <section className="panel" aria-labelledby="emit-title" ref={panelRef}>
      <h2 id="emit-title">{t('studio.emit.title')}</h2>
      <p className="hint">{t('studio.emit.hint', { event })}</p>
      {canEmit ? (
        <fetcher.Form method="post">
          <input type="hidden" name="intent" value="emit" />
          <input type="hidden" name="locale" value={view.locale} />
          <input type="hidden" name="sample" value={view.sample} />
          <input type="hidden" name="data" value={data} />
          <SubmitButton pending={fetcher.state !== 'idle'}>{t('studio.emit.submit')}</SubmitButton>
        </fetcher.Form>
      ) : (
        <p className="hint">{t('studio.detail.emitAdminOnly')}</p>
      )}
      <ErrorLine answer={answer?.intent === 'emit' ? answer : undefined} id="emit-error" />
      {emitted ? (
        <p className="success" role="status" data-testid="emit-result">
          {t('studio.emit.done')} <Link to={`/admin/events/${encodeURIComponent(emitted.eventId)}`}>{emitted.eventId}</Link>
        </p>
      ) : null}
    </section>
  )
}
