import { ONE_CLICK, type EmailCategory } from '~/email/categories'
import { collapse, type ParsedEmail } from './parse-html'
import { result, type CheckResult, type Finding } from './types'

/**
 * What Gmail's and Yahoo's bulk-sender rules ask of a lifecycle email (RFC 8058): a List-Unsubscribe
 * with an https link, and `List-Unsubscribe-Post: List-Unsubscribe=One-Click`. A transactional email
 * carries neither: its recipient cannot opt out of a password reset, and the button would say they can.
 */
export function checkHeaders(input: { category: EmailCategory; headers: Record<string, string> }): CheckResult {
  const findings: Finding[] = []
  const listUnsubscribe = input.headers['List-Unsubscribe']
  const post = input.headers['List-Unsubscribe-Post']
  if (input.category === 'lifecycle') {
    if (!listUnsubscribe || !/<https?:\/\/[^>]+>/.test(listUnsubscribe)) findings.push({ key: 'listUnsubscribeMissing', status: 'fail' })
    if (post !== ONE_CLICK) findings.push({ key: 'listUnsubscribePostMissing', params: { expected: ONE_CLICK }, status: 'fail' })
  } else if (listUnsubscribe || post) {
    findings.push({ key: 'listUnsubscribeOnTransactional', status: 'fail' })
  }
  return result('headers', findings)
}

/** Every email names who sends it and their postal address (COMPANY_NAME, COMPANY_ADDRESS), in its visible text. */
export function checkSender(parsed: Pick<ParsedEmail, 'bodyText'>, company: { name: string; address: string }): CheckResult {
  const findings: Finding[] = []
  if (!parsed.bodyText.includes(collapse(company.address))) findings.push({ key: 'companyAddressMissing', params: { address: company.address }, status: 'fail' })
  if (!parsed.bodyText.includes(collapse(company.name))) findings.push({ key: 'companyNameMissing', params: { name: company.name }, status: 'fail' })
  return result('sender', findings)
}
