import { useEffect, useRef, useSyncExternalStore } from 'react'
import { useTranslation } from '~/i18n/translation'
import type { useFetcher } from 'react-router'
import { SubmitButton, useFocusOnAnswer } from '~/components/submit'
import type { DetailActionData } from '../detail-action.server'
import type { StudioView, TemplateInfo } from '../templates.server'

type PreviewAnswer = Extract<DetailActionData, { intent: 'preview' }>
type Fetcher = ReturnType<typeof useFetcher<DetailActionData>>

/** How long typing must pause before the preview renders again: one render per thought, not per key. */
const DEBOUNCE_MS = 400

/**
 * The event data the preview is rendered from. With JavaScript, each pause in typing renders the preview
 * again beside it; without, the button posts the form and the page comes back rendered with the data.
 */
export function DataEditor({
  fetcher,
  answer,
  view,
  sample,
  lastGood,
  info,
}: {
  fetcher: Fetcher
  answer: PreviewAnswer | undefined
  view: StudioView
  sample: string
  lastGood: string
  info: TemplateInfo
}) {
  const { t } = useTranslation()
  // After an answer with an error, focus goes to the editor (where it already is while typing).
  const formRef = useFocusOnAnswer(answer)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  // Typing re-renders the preview only once the page's script runs; until then the button does it.
  const live = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
  useEffect(() => () => clearTimeout(timer.current), [])
  const schedule = () => {
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      if (formRef.current) fetcher.submit(formRef.current)
    }, DEBOUNCE_MS)
  }
  return (
    <section className="panel data-editor" aria-labelledby="data-title">
      <h2 id="data-title">{t('studio.detail.data')}</h2>
      <p className="hint">
        {t('studio.detail.dataHint', { event: info.event })}
        {live ? <span data-testid="live-hint"> {t('studio.detail.liveHint')}</span> : null}
      </p>
      <fetcher.Form method="post" ref={formRef}>
        <input type="hidden" name="intent" value="preview" />
        <input type="hidden" name="locale" value={view.locale} />
        <input type="hidden" name="sample" value={view.sample} />
        <input type="hidden" name="tab" value={view.tab} />
        <input type="hidden" name="lastGood" value={lastGood} />
        <label htmlFor="sample-data" className="visually-hidden">
          {t('studio.detail.data')}
        </label>
        <textarea
          id="sample-data"
          name="data"
          className="json"
          rows={16}
          spellCheck={false}
          defaultValue={answer?.data ?? sample}
          onChange={schedule}
          aria-invalid={answer?.error ? true : undefined}
          aria-describedby={answer?.error ? 'data-error' : 'data-live'}
        />
        {/* Polite: a message per pause in typing must not interrupt what a screen reader is saying. */}
        <div aria-live="polite" id="data-live">
          {answer?.error ? (
            <div id="data-error" className="error">
              <p>{t('studio.detail.dataRejected')}</p>
              <pre data-testid="data-error">{answer.error}</pre>
            </div>
          ) : null}
        </div>
        <SubmitButton pending={fetcher.state !== 'idle'} className="secondary" data-testid="apply-data">
          {t('studio.detail.applyData')}
        </SubmitButton>
      </fetcher.Form>
      {info.contextFields.length > 0 ? (
        <p className="hint" data-testid="context-fields">
          {t('studio.detail.context')}: <code>{info.contextFields.join(', ')}</code>
        </p>
      ) : null}
    </section>
  )
}

const noSubscription = () => () => {}
