/**
 * The two kinds of email Courrier sends, and the words around them that more than one folder needs
 * (the registry, sendEmail, the studio, the database schema, the preferences page).
 *
 * - transactional: sent because of something the user did or owes (address confirmation, password
 *   reset and notice, invitations, billing). Always sent; no List-Unsubscribe.
 * - lifecycle: sent because we want to help or sell (the onboarding series). Only to confirmed
 *   addresses that have not opted out, with RFC 8058 one-click unsubscribe headers.
 */
export const EMAIL_CATEGORIES = ['transactional', 'lifecycle'] as const
export type EmailCategory = (typeof EMAIL_CATEGORIES)[number]

/** The lifecycle lists a user can leave, each with its own switch and unsubscribe link. */
export const LIFECYCLE_TOPICS = ['onboarding'] as const
export type LifecycleTopic = (typeof LIFECYCLE_TOPICS)[number]

export function isLifecycleTopic(value: unknown): value is LifecycleTopic {
  return typeof value === 'string' && (LIFECYCLE_TOPICS as readonly string[]).includes(value)
}

/** What a template declares in the registry. */
export type TemplateKind = { category: 'transactional'; topic?: undefined } | { category: 'lifecycle'; topic: LifecycleTopic }

export const transactional = { category: 'transactional' } as const satisfies TemplateKind
export const lifecycle = <const T extends LifecycleTopic>(topic: T) => ({ category: 'lifecycle', topic }) as const satisfies TemplateKind

/**
 * Why an address gets no lifecycle email: the user left the list, or (issue 14) the address bounced or
 * its owner marked us as spam. One suppression list holds them all.
 */
export const SUPPRESSION_REASONS = ['unsubscribed', 'bounced', 'complained'] as const
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number]

/** The sender named in every footer when COMPANY_NAME / COMPANY_ADDRESS are not set (development). */
export const DEV_COMPANY = { name: 'Courrier SAS', address: '10 rue de la Paix, 75002 Paris, France' } as const

/** The one-click value RFC 8058 prescribes for List-Unsubscribe-Post. */
export const ONE_CLICK = 'List-Unsubscribe=One-Click'

/** Where a signed-in user sees and changes what they receive. */
export const PREFERENCES_PATH = '/settings/notifications'
