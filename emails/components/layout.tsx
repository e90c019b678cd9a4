import { Body } from '@react-email/body'
import { Container } from '@react-email/container'
import { Head } from '@react-email/head'
import { Hr } from '@react-email/hr'
import { Html } from '@react-email/html'
import { Preview } from '@react-email/preview'
import { Section } from '@react-email/section'
import { Text } from '@react-email/text'
import type { ReactNode } from 'react'
import { colors, contentWidth, fontFamily, radius, space, text } from '../theme'
import type { AccountEmailProps, EmailProps } from '../types'
import { Paragraph, Signature, Title } from './parts'

export interface EmailLayoutProps extends EmailProps {
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
export function EmailLayout({ t, locale, previewText, heading, recipientName, footer, children }: EmailLayoutProps) {
  return (
    <Html lang={locale} dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <Preview>{previewText}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
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
          <Text style={styles.footer}>{footer ?? t('common.footerAccount')}</Text>
        </Container>
      </Body>
    </Html>
  )
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
  footer: { color: colors.subtle, ...text.footer, margin: 0 },
} as const
