import { inngest } from "./client.server";
import { recordFailureOf } from "./failures.server";
import {
  deleteExpiredInvitations,
  deleteExpiredSessions,
  deleteExpiredUserTokens,
} from "./queries.server";

export const DAILY_CLEANUP_ID = "daily-cleanup";

/** Every night at 02:00 UTC: expired sessions, expired (never accepted) invitations and expired emailed links go. */
export const dailyCleanup = inngest.createFunction(
  {
    id: DAILY_CLEANUP_ID,
    name: "Daily clean-up: expired sessions, invitations and emailed links",
    retries: 3,
    triggers: [{ cron: "0 2 * * *" }],
    onFailure: recordFailureOf(DAILY_CLEANUP_ID),
  },
  async ({ step }) => {
    // Separate steps: a failure in one does not redo the other, and each count is recorded on its own.
    const sessionsDeleted = await step.run("delete-expired-sessions", () =>
      deleteExpiredSessions(new Date()),
    );
    const invitationsDeleted = await step.run(
      "delete-expired-invitations",
      () => deleteExpiredInvitations(new Date()),
    );
    const userTokensDeleted = await step.run("delete-expired-user-tokens", () =>
      deleteExpiredUserTokens(new Date()),
    );
    return { sessionsDeleted, invitationsDeleted, userTokensDeleted };
  },
);
