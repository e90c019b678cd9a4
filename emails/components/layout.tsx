import { Body } from '@react-email/body'
import { Container } from '@react-email/container'
import { Head } from '@react-email/head'
import { Hr } from '@react-email/hr'
import { Html } from '@react-email/html'
import { Link } from '@react-email/link'
import { Preview } from '@react-email/preview'
import { Section } from '@react-email/section'
import { Text } from '@react-email/text'
import type { ReactNode } from 'react'
import { colors, contentWidth, fontFamily, radius, space, text } from '../theme'
import type { AccountEmailProps, EmailProps } from '../types'
import { keepWords, Paragraph, Signature, Title } from './parts'
import { useSender } from './sender'

export interface EmailLayoutProps extends EmailProps {
  /** The subject line: the document's `<title>`, which some clients and screen readers announce first. */
  subject: string
  previewText: string
  /** The email's title, its first line. */
  heading: string
  /** Who the greeting names; without one (an invitation, a customer Stripe gave no name for) it greets without a name. */
  recipientName?: string | null
  /** Why the recipient gets this email: the account footer unless told otherwise (an invitation says it differently). */
  footer?: string
  children: ReactNode
}

/**
 * The layout's props for an account email whose preview and heading are `<section>.preview` and
 * `<section>.heading`, greeting the user by name.
 */
export function accountFrame(props: AccountEmailProps, section: 'passwordReset' | 'passwordChanged' | 'activationReminder' | 'emailConfirmation') {
  const { t, locale, userName } = props
  return { t, locale, previewText: t(`${section}.preview`), heading: t(`${section}.heading`), recipientName: userName }
}

/**
 * The frame every Courrier email shares: brand, title, greeting, the template's content, signature,
 * footer. Inline styles and tables only (what React Email emits): no web fonts, flexbox or CSS
 * variables, which Outlook and Gmail drop.
 */
export function EmailLayout({ t, locale, subject, previewText, heading, recipientName, footer, children }: EmailLayoutProps) {
  const sender = useSender()
  const dir = textDirection(locale)
  return (
    <Html lang={locale} dir={dir}>
      <Head>
        <title>{subject}</title>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <Preview>{previewText}</Preview>
      <Body style={styles.body}>
        {/* lang and dir again on the card: Gmail, Outlook.com and others drop <html>'s attributes. */}
        <Container style={styles.container} lang={locale} dir={dir}>
          <Section style={styles.header}>
            <Text style={styles.brand}>{t('common.brand')}</Text>
          </Section>
          <Section style={styles.content}>
            <Title>{heading}</Title>
            <Paragraph>{recipientName ? t('common.greeting', { name: recipientName }) : t('common.greetingNoName')}</Paragraph>
            {children}
            <Signature>{t('common.signature')}</Signature>
          </Section>
          <Hr style={styles.hr} />
          {/* A lifecycle email says why it comes and how to stop it; any other says why it comes. */}
          {sender.unsubscribeUrl ? (
            <Text style={styles.footer}>
              {keepWords(t('common.footerLifecycle'))}{' '}
              <Link href={sender.unsubscribeUrl} style={styles.footerLink}>
                {t('common.unsubscribe')}
              </Link>
            </Text>
          ) : (
            <Text style={styles.footer}>{keepWords(footer ?? t('common.footerAccount'))}</Text>
          )}
          <Text style={styles.footer}>
            <Link href={sender.preferencesUrl} style={styles.footerLink}>
              {keepWords(t('common.preferences'))}
            </Link>
          </Text>
          {/* Bulk-sender rules and CAN-SPAM: who sends, and a postal address. */}
          <Text style={styles.address} data-sender-address="">
            {sender.companyName}
            <br />
            {sender.companyAddress}
          </Text>
        </Container>
      </Body>
    </Html>
  )
}

/** Every language Courrier speaks today is written left to right; a right-to-left one is named here. */
const RTL = new Set<string>(['ar', 'he', 'fa', 'ur'])
function textDirection(locale: string): 'ltr' | 'rtl' {
  return RTL.has(locale) ? 'rtl' : 'ltr'
}

const styles = {
  body: { backgroundColor: colors.canvas, fontFamily, margin: 0, padding: `${space[6]} 0` },
  container: {
    backgroundColor: colors.surface,
    borderRadius: radius.card,
    maxWidth: contentWidth,
    margin: '0 auto',
    padding: `${space[8]} ${space[10]}`,
  },
  header: { paddingBottom: space[2] },
  brand: { color: colors.brand, ...text.brand, margin: 0 },
  content: { color: colors.heading },
  hr: { borderColor: colors.border, margin: `${space[8]} 0 ${space[4]}` },
  footer: { color: colors.subtle, ...text.footer, margin: `0 0 ${space[2]}` },
  footerLink: { color: colors.subtle, textDecoration: 'underline' },
  address: { color: colors.subtle, ...text.footer, margin: `${space[3]} 0 0` },
} as const
