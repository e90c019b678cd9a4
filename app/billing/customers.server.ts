import { NonRetriableError } from '~/inngest/errors.server'
import type Stripe from 'stripe'
import { cleanEmail, cleanText } from './stripe-objects'
import { isStripeError, requireStripeSecretKey, stripe } from './stripe.server'

export type CustomerDetails = { email: string | null; name: string | null; locale: string | null }

/**
 * What the subscription event does not carry: the customer's email, name and preferred locale. Called
 * inside a step, so a network error or a 5xx from Stripe is retried by Inngest; a customer that does
 * not exist (any more) never will, so that fails the run for an admin to see.
 */
export async function retrieveCustomer(customerId: string): Promise<CustomerDetails> {
  requireStripeSecretKey()
  let customer: Stripe.Customer | Stripe.DeletedCustomer
  try {
    customer = await (await stripe()).customers.retrieve(customerId)
  } catch (error) {
    if (isStripeError(error, 'StripeInvalidRequestError') && error.statusCode === 404) {
      throw new NonRetriableError(`Stripe customer ${customerId} does not exist`, { cause: error })
    }
    throw error
  }
  if (customer.deleted) throw new NonRetriableError(`Stripe customer ${customerId} was deleted`)
  return { email: cleanEmail(customer.email), name: cleanText(customer.name, 200), locale: cleanText(customer.preferred_locales?.[0], 20) }
}
