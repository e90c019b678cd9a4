import { Body } from '@react-email/body'
import { Container } from '@react-email/container'
import { Head } from '@react-email/head'
import { Hr } from '@react-email/hr'
import { Html } from '@react-email/html'
import { Preview } from '@react-email/preview'
import { Section } from '@react-email/section'
import { Text } from '@react-email/text'
import type { ReactNode } from 'react'
import type { EmailT } from '~/email/i18n.server'

export interface EmailLayoutProps {
  t: EmailT
  locale: 'fr' | 'en' | 'es'
  previewText: string
  /** Why the recipient gets this email; account emails and invitations say it differently. */
  footer: string
  children: ReactNode
}

/**
 * The frame every Courrier email shares. Inline styles and tables only (what React Email emits):
 * no web fonts, flexbox or CSS variables, which Outlook and Gmail drop.
 */
export function EmailLayout({ t, locale, previewText, footer, children }: EmailLayoutProps) {
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
          <Section style={styles.content}>{children}</Section>
          <Hr style={styles.hr} />
          <Text style={styles.footer}>{footer}</Text>
        </Container>
      </Body>
    </Html>
  )
}

const font = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"

const styles = {
  body: { backgroundColor: '#f4f4f5', fontFamily: font, margin: 0, padding: '24px 0' },
  container: { backgroundColor: '#ffffff', borderRadius: '8px', maxWidth: '560px', margin: '0 auto', padding: '32px 40px' },
  header: { paddingBottom: '8px' },
  brand: { color: '#1d4ed8', fontSize: '20px', fontWeight: 700, letterSpacing: '0.5px', margin: 0 },
  content: { color: '#18181b' },
  hr: { borderColor: '#e4e4e7', margin: '32px 0 16px' },
  footer: { color: '#71717a', fontSize: '12px', lineHeight: '18px', margin: 0 },
} as const
