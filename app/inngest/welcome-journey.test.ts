import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { users } from "~/db/schema";
import type { UserRegistered } from "~/events";
import { createUser, mailbox } from "../../test/db-utils";
import { welcomeJourney } from "./welcome-journey.server";

// A new engine for every run: an engine memoizes step results across its executions, which would
// carry one test's (or one run's) steps into the next.
const run = (options: Parameters<InngestTestEngine["execute"]>[0]) =>
  new InngestTestEngine({ function: welcomeJourney }).execute(options);

function registered(user: { id: string }) {
  const data: UserRegistered = { userId: user.id };
  return { id: `evt-${user.id}`, name: "user/registered" as const, data };
}

/** The 24-hour sleep, mocked as Inngest's executor resumes it: with no data. `during` runs "while asleep". */
const sleep = (during: () => void = () => {}) => ({
  id: "wait-24-hours",
  handler: () => (during(), null),
});

function order(ctx: { step: { run: any; sleep: any } }) {
  const calls = [
    ...ctx.step.run.mock.calls.map((call: unknown[], i: number) => [
      ctx.step.run.mock.invocationCallOrder[i],
      `run:${call[0]}`,
    ]),
    ...ctx.step.sleep.mock.calls.map((call: unknown[], i: number) => [
      ctx.step.sleep.mock.invocationCallOrder[i],
      `sleep:${call[0]}:${call[1]}`,
    ]),
  ] as Array<[number, string]>;
  return calls.sort((a, b) => a[0] - b[0]).map(([, name]) => name);
}

describe("welcome journey (user/registered)", () => {
  test("sends the welcome email, sleeps 24h, then sends the follow-up, in the saved language", async () => {
    const user = createUser({ language: "es", name: "María" });
    // The event carries the id only: name, address and language are read when each email is sent.
    const event = registered(user);
    const { result, ctx } = await run({ events: [event], steps: [sleep()] });

    expect(ctx.step.sleep).toHaveBeenCalledWith("wait-24-hours", "24h");
    expect(order(ctx as never)).toEqual([
      "run:send-welcome-email",
      "sleep:wait-24-hours:24h",
      "run:send-follow-up-email",
    ]);
    const sent = {
      sent: true,
      messageId: expect.any(String),
      transport: "local",
      sentAt: expect.any(String),
    };
    expect(result).toEqual({ userId: user.id, welcome: sent, followUp: sent });
    const { followUp } = result as { followUp: { sentAt: string } };
    expect(Number.isNaN(Date.parse(followUp.sentAt))).toBe(false);

    const messages = mailbox();
    expect(
      messages.map((m) => [m.template, m.to, m.locale, m.eventId]),
    ).toEqual([
      ["welcome", user.email, "es", event.id],
      ["welcome-follow-up", user.email, "es", event.id],
    ]);
    expect(messages[0]!.subject).toBe(
      "Te damos la bienvenida a Courrier, María",
    );
    expect(messages[1]!.subject).toBe("¿Qué tal te va, María?");
    expect(messages[1]!.text).toContain("Tres consejos para empezar");
    expect(messages[1]!.html).toContain("http://localhost:5173/dashboard");
  });

  test("the follow-up is only sent after the sleep: the welcome email is alone while the run sleeps", async () => {
    const user = createUser();
    let duringSleep: string[] = [];
    await run({
      events: [registered(user)],
      steps: [
        sleep(
          () =>
            (duringSleep = mailbox()
              .filter((m) => m.to === user.email)
              .map((m) => m.template)),
        ),
      ],
    });
    expect(duringSleep).toEqual(["welcome"]);
  });

  test("a user deleted during the 24 hours gets no follow-up; the result says why", async () => {
    const user = createUser();
    const { result } = await run({
      events: [registered(user)],
      steps: [sleep(() => db.delete(users).where(eq(users.id, user.id)).run())],
    });
    expect(result).toMatchObject({
      userId: user.id,
      welcome: { sent: true },
      followUp: { sent: false, reason: "user-deleted" },
    });
    expect(
      mailbox()
        .filter((m) => m.to === user.email)
        .map((m) => m.template),
    ).toEqual(["welcome"]);
  });

  test("a user deleted before the run starts gets nothing, and the run does not sleep", async () => {
    const user = createUser();
    db.delete(users).where(eq(users.id, user.id)).run();
    const { result, ctx } = await run({
      events: [registered(user)],
      steps: [sleep()],
    });
    expect(result).toEqual({
      userId: user.id,
      welcome: { sent: false, reason: "user-deleted" },
      followUp: null,
    });
    expect(ctx.step.sleep).not.toHaveBeenCalled();
    expect(mailbox().filter((m) => m.to === user.email)).toEqual([]);
  });

  test("the same event run twice (a retried run, a redelivery) stores each email once", async () => {
    const user = createUser({ language: "en" });
    const event = registered(user);
    await run({ events: [event], steps: [sleep()] });
    await run({ events: [event], steps: [sleep()] });
    expect(
      mailbox()
        .filter((m) => m.to === user.email)
        .map((m) => m.template),
    ).toEqual(["welcome", "welcome-follow-up"]);
  });

  test("a failing send surfaces as the run error and nothing is stored", async () => {
    // An address that cannot receive mail: retrying cannot help, so the send refuses for good.
    const user = createUser({ email: "not-an-address" });
    const event = registered(user);
    const { error, ctx } = await run({ events: [event], steps: [sleep()] });
    expect(error).toMatchObject({
      name: "NonRetriableError",
      message: expect.stringContaining("invalid recipient address"),
    });
    expect(ctx.step.sleep).not.toHaveBeenCalled();
    expect(mailbox().filter((m) => m.to === "not-an-address")).toEqual([]);
  });

  test("an event that does not match the catalogue schema is refused before any step runs", async () => {
    const { error, ctx } = await run({
      events: [{ name: "user/registered", data: { userId: "" } }],
    });
    expect(error).toMatchObject({
      name: "EventValidationError",
      message: expect.stringMatching(/userId/),
    });
    expect(ctx.step.run).not.toHaveBeenCalled();
  });
});
