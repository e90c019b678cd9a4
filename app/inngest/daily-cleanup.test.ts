import { InngestTestEngine } from "@inngest/test";
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { invitations, sessions, userTokens } from "~/db/schema";
import { dailyCleanup } from "./daily-cleanup.server";
import { createTrialingOrganization, createUser } from "../../test/db-utils";

const run = () => new InngestTestEngine({ function: dailyCleanup }).execute();
const past = () => new Date(Date.now() - 60_000);
const future = () => new Date(Date.now() + 60 * 60_000);

describe("daily clean-up (cron 0 2 * * *)", () => {
  test("is scheduled at 02:00 every day", () => {
    expect(dailyCleanup.opts.triggers).toEqual([{ cron: "0 2 * * *" }]);
  });

  test("deletes expired sessions, expired never accepted invitations and expired emailed links, in separate steps, and returns the counts", async () => {
    const user = createUser();
    const { organization } = createTrialingOrganization();
    db.insert(sessions)
      .values([
        {
          id: "s-expired-1",
          userId: user.id,
          data: { userId: user.id },
          expiresAt: past(),
        },
        { id: "s-expired-2", userId: null, data: {}, expiresAt: past() },
        {
          id: "s-live",
          userId: user.id,
          data: { userId: user.id },
          expiresAt: future(),
        },
      ])
      .run();
    const invitation = (
      id: string,
      expiresAt: Date,
      acceptedAt: Date | null = null,
    ) => ({
      id,
      organizationId: organization.id,
      email: `${id}@example.com`,
      tokenHash: `hash-${id}`,
      language: "fr" as const,
      expiresAt,
      acceptedAt,
    });
    db.insert(invitations)
      .values([
        invitation("i-expired", past()),
        invitation("i-live", future()),
        invitation("i-accepted", past(), past()),
      ])
      .run();

    const token = (
      id: string,
      expiresAt: Date,
      usedAt: Date | null = null,
    ) => ({
      id,
      userId: user.id,
      purpose: "password-reset" as const,
      tokenHash: `hash-${id}`,
      expiresAt,
      usedAt,
    });
    db.insert(userTokens)
      .values([
        token("t-expired", past()),
        token("t-used-expired", past(), past()),
        token("t-live", future()),
        token("t-used-live", future(), past()),
      ])
      .run();

    const { result, ctx } = await run();
    expect(ctx.step.run.mock.calls.map((call: unknown[]) => call[0])).toEqual([
      "delete-expired-sessions",
      "delete-expired-invitations",
      "delete-expired-user-tokens",
    ]);
    expect(result).toEqual({
      sessionsDeleted: 2,
      invitationsDeleted: 1,
      userTokensDeleted: 2,
    });
    expect(
      db
        .select({ id: userTokens.id })
        .from(userTokens)
        .all()
        .map((r) => r.id)
        .sort(),
    ).toEqual(["t-live", "t-used-live"]);
    expect(db.select({ id: sessions.id }).from(sessions).all()).toEqual([
      { id: "s-live" },
    ]);
    expect(
      db
        .select({ id: invitations.id })
        .from(invitations)
        .all()
        .map((r) => r.id)
        .sort(),
    ).toEqual(["i-accepted", "i-live"]);

    // Nothing left to clean: a second night deletes nothing.
    expect((await run()).result).toEqual({
      sessionsDeleted: 0,
      invitationsDeleted: 0,
      userTokensDeleted: 0,
    });
  });
});
