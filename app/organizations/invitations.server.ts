import { randomUUID } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { markAddressProven } from "~/auth/email-verification.server";
import { db } from "~/db/client.server";
import { invitations, memberships, organizations, users } from "~/db/schema";
import { invitationCreated } from "~/events";
import type { Locale } from "~/i18n/locales";
import { enqueueEvent, kickRelay } from "~/outbox/index.server";
import {
  hashInvitationToken,
  invitationAcceptPath,
  invitationToken,
  isValidInvitationToken,
} from "./invitation-token.server";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

type InvitationRow = typeof invitations.$inferSelect;

export function invitationStatus(
  invitation: Pick<InvitationRow, "acceptedAt" | "revokedAt" | "expiresAt">,
  now = new Date(),
): InvitationStatus {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "expired";
  return "pending";
}

const isPending = (now: Date) =>
  and(
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, now),
  );

export type CreateInvitationResult =
  | { ok: true; invitationId: string }
  | { ok: false; error: "notOwner" | "alreadyMember" | "alreadyInvited" };

/**
 * Writes the invitation and its `organization/invitation.created` event in one transaction; a function
 * sends the email (durable, retried). The link's token is derived from the id, so only its hash is
 * stored and the event carries none of it.
 */
export function createInvitation(input: {
  organizationId: string;
  inviterId: string;
  email: string;
  /** The inviter's page language, used when the invitee has no account yet. */
  language: Locale;
  now?: Date;
}): CreateInvitationResult {
  const now = input.now ?? new Date();
  const email = input.email.toLowerCase();
  const result = db.transaction(
    (tx): CreateInvitationResult => {
      const inviter = tx
        .select({
          name: users.name,
          role: memberships.role,
          organizationName: organizations.name,
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .innerJoin(
          organizations,
          eq(organizations.id, memberships.organizationId),
        )
        .where(
          and(
            eq(memberships.organizationId, input.organizationId),
            eq(memberships.userId, input.inviterId),
          ),
        )
        .get();
      if (inviter?.role !== "owner") return { ok: false, error: "notOwner" };
      const invitee = tx
        .select({ id: users.id, language: users.language })
        .from(users)
        .where(eq(users.email, email))
        .get();
      if (invitee) {
        const member = tx
          .select({ userId: memberships.userId })
          .from(memberships)
          .where(
            and(
              eq(memberships.organizationId, input.organizationId),
              eq(memberships.userId, invitee.id),
            ),
          )
          .get();
        if (member) return { ok: false, error: "alreadyMember" };
      }
      const pending = tx
        .select({ id: invitations.id })
        .from(invitations)
        .where(
          and(
            eq(invitations.organizationId, input.organizationId),
            eq(invitations.email, email),
            isPending(now),
          ),
        )
        .get();
      if (pending) return { ok: false, error: "alreadyInvited" };

      const id = randomUUID();
      const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
      const language = invitee?.language ?? input.language;
      tx.insert(invitations)
        .values({
          id,
          organizationId: input.organizationId,
          email,
          tokenHash: hashInvitationToken(invitationToken(id)),
          invitedBy: input.inviterId,
          language,
          expiresAt,
          createdAt: now,
        })
        .run();
      enqueueEvent(
        tx,
        invitationCreated.create(
          { invitationId: id, organizationId: input.organizationId },
          { id: `invitation-${id}` },
        ),
      );
      return { ok: true, invitationId: id };
    },
    { behavior: "immediate" },
  );
  if (result.ok) kickRelay();
  return result;
}

/** Revokes a pending invitation of an organization the user owns. */
export function revokeInvitation(input: {
  invitationId: string;
  userId: string;
  now?: Date;
}): { ok: boolean } {
  const now = input.now ?? new Date();
  return db.transaction(
    (tx) => {
      const row = tx
        .select({
          organizationId: invitations.organizationId,
          role: memberships.role,
        })
        .from(invitations)
        .innerJoin(
          memberships,
          and(
            eq(memberships.organizationId, invitations.organizationId),
            eq(memberships.userId, input.userId),
          ),
        )
        .where(eq(invitations.id, input.invitationId))
        .get();
      if (row?.role !== "owner") return { ok: false };
      const changed = tx
        .update(invitations)
        .set({ revokedAt: now })
        .where(and(eq(invitations.id, input.invitationId), isPending(now)))
        .run().changes;
      return { ok: changed === 1 };
    },
    { behavior: "immediate" },
  );
}

/** The pending and recent invitations of an organization, for its owner. */
export function invitationsOf(organizationId: string, now = new Date()) {
  return db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.organizationId, organizationId),
        isNull(invitations.acceptedAt),
      ),
    )
    .all()
    .map((row) => ({
      id: row.id,
      email: row.email,
      expiresAt: row.expiresAt.toISOString(),
      status: invitationStatus(row, now),
    }))
    .filter((row) => row.status !== "revoked");
}

export type InvitationView = {
  id: string;
  email: string;
  organizationName: string;
  inviterName: string | null;
  expiresAt: string;
  status: InvitationStatus;
};

/** The invitation a link points to, or null when the link is not one we issued. */
export function findInvitationByLink(
  invitationId: string,
  token: string,
  now = new Date(),
): InvitationView | null {
  if (!isValidInvitationToken(invitationId, token)) return null;
  const row = db
    .select({
      invitation: invitations,
      organizationName: organizations.name,
      inviterName: users.name,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(
      and(
        eq(invitations.id, invitationId),
        eq(invitations.tokenHash, hashInvitationToken(token)),
      ),
    )
    .get();
  if (!row) return null;
  const { invitation } = row;
  return {
    id: invitation.id,
    email: invitation.email,
    organizationName: row.organizationName,
    inviterName: row.inviterName,
    expiresAt: invitation.expiresAt.toISOString(),
    status: invitationStatus(invitation, now),
  };
}

export type AcceptResult =
  | { ok: true; organizationId: string }
  | {
      ok: false;
      error: "invalid" | "wrongAccount" | Exclude<InvitationStatus, "pending">;
    };

/**
 * Accepts once: the UPDATE only matches a pending invitation, so of two clicks racing (or two tabs)
 * one joins and the other is told the invitation was already used. The signed-in account must be the
 * invited address: the link is addressed to one person, and following it proves that address.
 */
export function acceptInvitation(input: {
  invitationId: string;
  token: string;
  user: { id: string; email: string };
  now?: Date;
}): AcceptResult {
  const now = input.now ?? new Date();
  if (!isValidInvitationToken(input.invitationId, input.token))
    return { ok: false, error: "invalid" };
  const result = db.transaction(
    (tx): AcceptResult => {
      const invitation = tx
        .select()
        .from(invitations)
        .where(
          and(
            eq(invitations.id, input.invitationId),
            eq(invitations.tokenHash, hashInvitationToken(input.token)),
          ),
        )
        .get();
      if (!invitation) return { ok: false, error: "invalid" };
      const status = invitationStatus(invitation, now);
      if (status !== "pending") return { ok: false, error: status };
      if (invitation.email !== input.user.email.toLowerCase())
        return { ok: false, error: "wrongAccount" };
      tx.update(invitations)
        .set({ acceptedAt: now, acceptedBy: input.user.id })
        .where(and(eq(invitations.id, invitation.id), isPending(now)))
        .run();
      tx.insert(memberships)
        .values({
          organizationId: invitation.organizationId,
          userId: input.user.id,
          role: "member",
        })
        .onConflictDoNothing()
        .run();
      // The link was emailed to this address and the account has it: the address is proven.
      markAddressProven(tx, input.user.id, now);
      return { ok: true, organizationId: invitation.organizationId };
    },
    { behavior: "immediate" },
  );
  // `user/activated`, when accepting proved the address.
  if (result.ok) kickRelay();
  return result;
}

/**
 * What the invitation email shows, read when it is sent: null when the invitation was revoked, accepted
 * or has expired meanwhile (nothing to send then).
 */
export function pendingInvitationEmail(invitationId: string, now = new Date()) {
  const row = db
    .select({
      email: invitations.email,
      language: invitations.language,
      expiresAt: invitations.expiresAt,
      organizationName: organizations.name,
      inviterName: users.name,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .innerJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.id, invitationId), isPending(now)))
    .get();
  if (!row) return null;
  return {
    to: row.email,
    locale: row.language,
    context: {
      organizationName: row.organizationName,
      inviterName: row.inviterName,
      expiresAt: row.expiresAt.toISOString(),
      acceptPath: invitationAcceptPath(invitationId),
    },
  };
}
