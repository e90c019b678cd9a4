import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import {
  deriveUserToken,
  issueUserToken,
  consumeUserToken,
} from "~/auth/user-tokens.server";
import { db } from "~/db/client.server";
import { users } from "~/db/schema";
import { createUser, mailbox } from "../../test/db-utils";
import {
  sendPasswordChanged,
  sendPasswordReset,
} from "./password-emails.server";

const runReset = (event: object) =>
  new InngestTestEngine({ function: sendPasswordReset }).execute({
    events: [event as never],
  });
const runChanged = (event: object) =>
  new InngestTestEngine({ function: sendPasswordChanged }).execute({
    events: [event as never],
  });

function resetRequested(locale: "fr" | "en" | "es" = "en", now = new Date()) {
  const user = createUser({ language: locale, name: "Alex Morgan" });
  const tokenId = db.transaction((tx) =>
    issueUserToken(tx, { userId: user.id, purpose: "password-reset", now }),
  );
  return {
    user,
    tokenId,
    event: {
      id: `evt-${tokenId}`,
      name: "user/password-reset.requested",
      data: { userId: user.id, tokenId },
    },
  };
}

const mine = (email: string) => mailbox().filter((m) => m.to === email);

describe("password reset email (user/password-reset.requested)", () => {
  test("derives the link from the token id and sends it in the user’s language, once even when run twice", async () => {
    const { user, tokenId, event } = resetRequested("fr");
    const { result } = await runReset(event);
    expect(result).toEqual({
      sent: true,
      messageId: expect.any(String),
      transport: "local",
    });
    await runReset(event);
    const messages = mine(user.email);
    expect(
      messages.map((m) => [m.template, m.locale, m.subject, m.eventId]),
    ).toEqual([
      [
        "password-reset",
        "fr",
        "Réinitialisez votre mot de passe Courrier",
        event.id,
      ],
    ]);
    expect(messages[0]!.html).toContain(
      `http://localhost:5173/reset-password/${deriveUserToken("password-reset", tokenId)}`,
    );
    expect(messages[0]!.text).toContain("Bonjour Alex Morgan");
  });

  test("a link used or expired before the step ran sends nothing", async () => {
    const used = resetRequested();
    db.transaction((tx) => consumeUserToken(tx, used.tokenId));
    expect((await runReset(used.event)).result).toEqual({
      sent: false,
      reason: "link-not-pending",
    });
    const expired = resetRequested(
      "en",
      new Date(Date.now() - 2 * 60 * 60 * 1000),
    );
    expect((await runReset(expired.event)).result).toEqual({
      sent: false,
      reason: "link-not-pending",
    });
    expect([...mine(used.user.email), ...mine(expired.user.email)]).toEqual([]);
  });

  test("an event naming another user’s token sends nothing", async () => {
    const { tokenId } = resetRequested();
    const other = createUser();
    const { result } = await runReset({
      id: "evt-mixed",
      name: "user/password-reset.requested",
      data: { userId: other.id, tokenId },
    });
    expect(result).toEqual({ sent: false, reason: "link-not-pending" });
    expect(mine(other.email)).toEqual([]);
  });

  test("a user deleted meanwhile gets nothing (the token goes with them)", async () => {
    const { user, event } = resetRequested();
    db.delete(users).where(eq(users.id, user.id)).run();
    expect((await runReset(event)).result).toEqual({
      sent: false,
      reason: "link-not-pending",
    });
  });
});

describe("password changed notice (user/password.changed)", () => {
  test("sends the notice in the user’s language with the time of the change, once even when run twice", async () => {
    const user = createUser({ language: "es", name: "Lucía" });
    const event = {
      id: `evt-changed-${user.id}`,
      name: "user/password.changed",
      data: { userId: user.id },
      ts: Date.parse("2026-12-02T09:30:00Z"),
    };
    expect((await runChanged(event)).result).toEqual({
      sent: true,
      messageId: expect.any(String),
      transport: "local",
    });
    await runChanged(event);
    const messages = mine(user.email);
    expect(messages.map((m) => [m.template, m.locale, m.subject])).toEqual([
      ["password-changed", "es", "Se ha cambiado tu contraseña de Courrier"],
    ]);
    expect(messages[0]!.text.replace(/\s+/g, " ")).toContain(
      "se cambió el 2 de diciembre de 2026 a las 9:30 (UTC)",
    );
    expect(messages[0]!.html).toContain(
      "http://localhost:5173/forgot-password",
    );
  });

  test("a deleted user gets nothing", async () => {
    expect(
      (
        await runChanged({
          id: "evt-gone",
          name: "user/password.changed",
          data: { userId: "usr_gone" },
        })
      ).result,
    ).toEqual({ sent: false, reason: "user-deleted" });
  });
});
