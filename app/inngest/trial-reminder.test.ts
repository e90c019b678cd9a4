import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { memberships, users } from "~/db/schema";
import { createTrialingOrganization, mailbox } from "../../test/db-utils";
import { trialReminderFunction } from "./trial-reminder.server";

const run = (options: Parameters<InngestTestEngine["execute"]>[0]) =>
  new InngestTestEngine({ function: trialReminderFunction }).execute(options);
const reminder = (organizationId: string, subscriptionId: string) => ({
  id: `evt-reminder-${subscriptionId}`,
  name: "trial/reminder" as const,
  data: { organizationId, subscriptionId },
});

describe("trial reminder (trial/reminder)", () => {
  test("sends the reminder to the organization's owner, in the owner's language, with the trial end", async () => {
    const { organization, owner, subscriptionId } = createTrialingOrganization({
      ownerLanguage: "fr",
      trialEnd: new Date("2099-12-10T00:00:00Z"),
    });
    const { result, ctx } = await run({
      events: [reminder(organization.id, subscriptionId)],
    });

    expect(ctx.step.run.mock.calls.map((call: unknown[]) => call[0])).toEqual([
      "check-subscription",
      "send-trial-reminder",
    ]);
    expect(result).toEqual({
      subscriptionId,
      emailSent: true,
      sentAt: expect.any(String),
    });
    const sent = mailbox().filter(
      (m) =>
        m.template === "trial-reminder" &&
        m.eventId === `evt-reminder-${subscriptionId}`,
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      to: owner.email,
      locale: "fr",
      subject: "Votre essai pour Atelier Dupont se termine le 10 décembre 2099",
    });
    expect(sent[0]!.text).toContain("Bonjour Camille Owner,");
  });

  for (const status of ["active", "canceled", "past_due"]) {
    test(`skipped when the subscription is ${status}: no email, and the reason in the result`, async () => {
      const { organization, subscriptionId } = createTrialingOrganization({
        status,
      });
      const { result, ctx } = await run({
        events: [reminder(organization.id, subscriptionId)],
      });
      expect(result).toEqual({
        subscriptionId,
        emailSent: false,
        sentAt: null,
        skipped: "not-trialing",
        status,
      });
      expect(ctx.step.run.mock.calls.map((call: unknown[]) => call[0])).toEqual(
        ["check-subscription"],
      );
      expect(
        mailbox().filter((m) => m.eventId === `evt-reminder-${subscriptionId}`),
      ).toEqual([]);
    });
  }

  test("skipped when the trial already ended (Stripe has not reported the change yet)", async () => {
    const { organization, subscriptionId } = createTrialingOrganization({
      trialEnd: new Date(Date.now() - 60_000),
    });
    const { result } = await run({
      events: [reminder(organization.id, subscriptionId)],
    });
    expect(result).toMatchObject({
      emailSent: false,
      skipped: "trial-already-ended",
    });
  });

  test("skipped when the subscription is unknown", async () => {
    const { organization } = createTrialingOrganization();
    const { result } = await run({
      events: [reminder(organization.id, "sub_unknown")],
    });
    expect(result).toMatchObject({
      emailSent: false,
      skipped: "subscription-not-found",
      status: null,
    });
  });

  test("skipped when the organization has no owner any more", async () => {
    const { organization, owner, subscriptionId } =
      createTrialingOrganization();
    db.delete(memberships).where(eq(memberships.userId, owner.id)).run();
    db.delete(users).where(eq(users.id, owner.id)).run();
    const { result } = await run({
      events: [reminder(organization.id, subscriptionId)],
    });
    expect(result).toMatchObject({ emailSent: false, skipped: "no-owner" });
    expect(
      mailbox().filter((m) => m.eventId === `evt-reminder-${subscriptionId}`),
    ).toEqual([]);
  });

  test("skipped when the subscription is not the organization's", async () => {
    const first = createTrialingOrganization();
    const second = createTrialingOrganization();
    const { result } = await run({
      events: [reminder(first.organization.id, second.subscriptionId)],
    });
    expect(result).toMatchObject({
      emailSent: false,
      skipped: "subscription-not-of-organization",
    });
  });

  test("a failing send surfaces as the run error", async () => {
    const { organization, owner, subscriptionId } =
      createTrialingOrganization();
    db.update(users)
      .set({ email: "owner-without-domain" })
      .where(eq(users.id, owner.id))
      .run();
    const { error } = await run({
      events: [reminder(organization.id, subscriptionId)],
    });
    expect(error).toMatchObject({
      name: "NonRetriableError",
      message: expect.stringContaining("invalid recipient address"),
    });
  });
});
