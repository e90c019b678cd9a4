import { pendingUserToken, userTokenPath } from "~/auth/user-tokens.server";
import { db } from "~/db/client.server";
import { emailFunction } from "./email-function.server";
import { findRecipient } from "./queries.server";

export const SEND_PASSWORD_RESET_ID = "send-password-reset";
export const SEND_PASSWORD_CHANGED_ID = "send-password-changed";
export const SEND_EMAIL_CONFIRMATION_ID = "send-email-confirmation";

/**
 * Emails a reset link. The event carries the token's id only: the step reads the token (used or expired
 * before the email left means nothing to send) and the user, and derives the link from the id, so a
 * retried step sends the same link, once (idempotency key: event id + template).
 */
export const sendPasswordReset = emailFunction(
  {
    id: SEND_PASSWORD_RESET_ID,
    name: "Password reset email",
    event: "user/password-reset.requested",
    template: "password-reset",
  },
  ({ data: { userId, tokenId } }) => {
    const token = pendingUserToken(db, tokenId, "password-reset");
    if (!token || token.userId !== userId) return { skip: "link-not-pending" };
    const user = findRecipient(userId);
    if (!user) return { skip: "user-deleted" };
    return {
      to: user.email,
      locale: user.language,
      context: {
        userName: user.name,
        resetPath: userTokenPath("password-reset", tokenId),
      },
    };
  },
);

/** The security notice after a password change, to the account's current address, in its language. */
export const sendPasswordChanged = emailFunction(
  {
    id: SEND_PASSWORD_CHANGED_ID,
    name: "Password changed notice",
    event: "user/password.changed",
    template: "password-changed",
  },
  ({ data, ts }) => {
    const user = findRecipient(data.userId);
    if (!user) return { skip: "user-deleted" };
    // When the change happened: the event's time (set by the outbox row), not when the step runs.
    return {
      to: user.email,
      locale: user.language,
      context: {
        userName: user.name,
        changedAt: new Date(ts ?? Date.now()).toISOString(),
      },
    };
  },
);

/**
 * A new confirmation link the user asked for (the dashboard's banner). Like the reset link: the step
 * reads the token (used, expired, or the address confirmed meanwhile: nothing to send) and derives the link.
 */
export const sendEmailConfirmation = emailFunction(
  {
    id: SEND_EMAIL_CONFIRMATION_ID,
    name: "Address confirmation link (asked for again)",
    event: "user/email-confirmation.requested",
    template: "email-confirmation",
  },
  ({ data: { userId, tokenId } }) => {
    const token = pendingUserToken(db, tokenId, "email-verification");
    if (!token || token.userId !== userId) return { skip: "link-not-pending" };
    const user = findRecipient(userId);
    if (!user) return { skip: "user-deleted" };
    if (user.emailVerifiedAt) return { skip: "already-confirmed" };
    return {
      to: user.email,
      locale: user.language,
      context: {
        userName: user.name,
        confirmPath: userTokenPath("email-verification", tokenId),
      },
    };
  },
);
