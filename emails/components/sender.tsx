import { createContext, useContext } from 'react'
import { DEV_COMPANY, PREFERENCES_PATH } from '~/email/categories'

/**
 * Who sends the email and where the recipient controls what they get: the company's name and postal
 * address (COMPANY_NAME, COMPANY_ADDRESS), the preferences page, and, in a lifecycle email, its
 * unsubscribe page. Every email's footer shows them; renderEmail provides them from the environment,
 * so no template has to pass them along (and none can forget to).
 */
export interface EmailSender {
  companyName: string
  companyAddress: string
  preferencesUrl: string
  /** Lifecycle emails only: the recipient's unsubscribe page for this list. */
  unsubscribeUrl?: string | null
}

/** Outside renderEmail (the React Email CLI opening a template on its own): the development values. */
export const SenderContext = createContext<EmailSender>({
  companyName: DEV_COMPANY.name,
  companyAddress: DEV_COMPANY.address,
  preferencesUrl: new URL(PREFERENCES_PATH, 'http://localhost:5173').href,
  unsubscribeUrl: null,
})

export const useSender = () => useContext(SenderContext)
