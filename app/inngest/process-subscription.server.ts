import { NonRetriableError } from "inngest";
import { retrieveCustomer } from "~/billing/customers.server";
import { supportedLocaleOf } from "~/billing/locale";
import { sendEmail } from "~/email/send.server";
import { env } from "~/env.server";
import { subscriptionCreated, trialReminder } from "~/events";
import {
  createOrganizationForSubscription,
  hasConfirmedAccount,
} from "~/organizations/organizations.server";
import { inngest } from "./client.server";
import { recordFailureOf } from "./failures.server";

export const PROCESS_SUBSCRIPTION_ID = "process-subscription";
export const REMINDER_DELAY_MS = 7 * 24 * 60 * 60 * 1000;

/** The reminder's event id: a retried or repeated run schedules one reminder, not two. */
export function reminderEventId(subscriptionId: string) {
  return `trial-reminder-${subscriptionId}`;
}

/**
 * A new Stripe subscription: its organization (owned by the user who confirmed the customer's email, or
 * waiting for whoever confirms it), a confirmation email in their language, and a trial reminder a week later. Every step is
 * safe to run twice.
 */
export const processSubscription = inngest.createFunction(
  {
    id: PROCESS_SUBSCRIPTION_ID,
    name: "Stripe subscription: organization, confirmation, trial reminder",
    retries: 5,
    triggers: [subscriptionCreated],
    onFailure: recordFailureOf(PROCESS_SUBSCRIPTION_ID),
  },
  async ({ event, step, runId }) => {
    const { subscriptionId, customerId } = event.data;
    let customer = {
      email: event.data.customerEmail,
      name: event.data.customerName,
      locale: event.data.customerLocale,
    };
    // Stripe's subscription carries no email or name; the checkout's metadata may, else ask Stripe.
    if (!customer.email || !customer.locale) {
      const known = customer;
      const retrieved = await step.run("retrieve-customer", async () => {
        // An account that confirmed this email already has a language, which wins over Stripe's locale.
        if (known.email && hasConfirmedAccount(known.email))
          return { email: null, name: null, locale: null };
        return retrieveCustomer(customerId);
      });
      customer = {
        email: customer.email ?? retrieved.email,
        name: customer.name ?? retrieved.name,
        locale: customer.locale ?? retrieved.locale,
      };
    }
    const email = customer.email;
    if (!email)
      throw new NonRetriableError(
        `Stripe customer ${customerId} has no email address: no organization owner, no confirmation`,
      );

    const organization = await step.run("create-organization", () =>
      createOrganizationForSubscription({
        subscriptionId,
        customerId,
        name: customer.name ?? email,
        ownerEmail: email,
      }),
    );

    // The owner's own choice first, then what the customer told Stripe, then the app's default.
    const locale =
      organization.owner?.language ??
      supportedLocaleOf(customer.locale) ??
      env.DEFAULT_LOCALE;
    await step.run("send-confirmation-email", () =>
      sendEmail({
        template: "subscription-created",
        to: email,
        locale,
        data: {
          ...event.data,
          customerEmail: email,
          customerName: customer.name ?? organization.owner?.name ?? null,
          customerLocale: customer.locale,
        },
        eventId: event.id ?? runId,
      }),
    );

    await step.sendEvent(
      "schedule-reminder",
      trialReminder.create(
        { organizationId: organization.id, subscriptionId },
        {
          id: reminderEventId(subscriptionId),
          ts: Date.now() + REMINDER_DELAY_MS,
        },
      ),
    );

    return { organizationId: organization.id };
  },
);
