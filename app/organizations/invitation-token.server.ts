import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { env } from "~/env.server";

/**
 * An invitation link's token is derived from the invitation id with SESSION_SECRET, so it never has to
 * travel in an event payload or be stored: the function that sends the email derives the same token on
 * every retry (one stable link), and the database keeps only its SHA-256 for lookups.
 */
export function invitationToken(invitationId: string): string {
  return createHmac("sha256", env.SESSION_SECRET)
    .update(`invitation:${invitationId}`)
    .digest("base64url");
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The accept link's path, which the invitation email's step derives when it sends. */
export function invitationAcceptPath(invitationId: string): string {
  return `/invitations/${encodeURIComponent(invitationId)}/${invitationToken(invitationId)}`;
}

export function invitationAcceptUrl(
  invitationId: string,
  appUrl = env.APP_URL,
): string {
  return new URL(invitationAcceptPath(invitationId), appUrl).href;
}

export function isValidInvitationToken(
  invitationId: string,
  token: string,
): boolean {
  const expected = Buffer.from(invitationToken(invitationId));
  const actual = Buffer.from(token);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
