import { confirmationPathFor } from "~/auth/email-verification.server";
import { sendEmail } from "~/email/send.server";
import { userRegistered } from "~/events";
import { inngest } from "./client.server";
import { recordFailureOf } from "./failures.server";
import { findRecipient } from "./queries.server";

export const WELCOME_JOURNEY_ID = "welcome-journey";

type StepOutcome =
  | {
      sent: true;
      messageId: string;
      transport: "resend" | "local";
      sentAt: string;
    }
  | { sent: false; reason: "user-deleted" };

/**
 * Reads the user at send time (the event carries their id only, and may be a day old): the email goes
 * to their current address, in their saved language, with their current name. A deleted user gets nothing.
 * The welcome email carries the confirmation link while the address is pending (derived from the token
 * the signup issued: a retried step sends the same link).
 */
async function sendToUser(
  template: "welcome" | "welcome-follow-up",
  userId: string,
  eventId: string,
): Promise<StepOutcome> {
  const user = findRecipient(userId);
  if (!user) return { sent: false, reason: "user-deleted" };
  const confirmPath =
    template === "welcome" ? confirmationPathFor(userId) : null;
  const context = {
    userName: user.name,
    ...(confirmPath ? { confirmPath } : {}),
  };
  const result = await sendEmail({
    template,
    to: user.email,
    locale: user.language,
    data: { userId },
    context,
    eventId,
  });
  return {
    sent: true,
    messageId: result.id,
    transport: result.transport,
    sentAt: new Date().toISOString(),
  };
}

/**
 * The welcome journey: the welcome email at once, then, 24 hours later, the follow-up. Each send is a
 * step whose email carries an idempotency key (event id + template), so a step retried after a timeout
 * sends one email; the sleep is Inngest's, so a deploy or a crash in between loses nothing. The result
 * says what happened to each email: `sent` with its message id, or `skipped` with the reason.
 */
export const welcomeJourney = inngest.createFunction(
  {
    id: WELCOME_JOURNEY_ID,
    name: "Welcome journey: welcome email, then a follow-up 24 hours later",
    retries: 5,
    triggers: [userRegistered],
    // One journey per user, even if a second user/registered event for them ever arrives.
    idempotency: "event.data.userId",
    onFailure: recordFailureOf(WELCOME_JOURNEY_ID),
  },
  async ({ event, step, runId }) => {
    const { userId } = event.data;
    // The outbox always sets the event id; an event sent by hand (dev server UI) may not have one.
    const eventId = event.id ?? runId;

    const welcome = await step.run("send-welcome-email", () =>
      sendToUser("welcome", userId, eventId),
    );
    if (!welcome.sent) return { userId, welcome, followUp: null };

    await step.sleep("wait-24-hours", "24h");

    const followUp = await step.run("send-follow-up-email", () =>
      sendToUser("welcome-follow-up", userId, eventId),
    );
    return { userId, welcome, followUp };
  },
);
