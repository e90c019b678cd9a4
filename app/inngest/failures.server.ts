import { and, eq } from "drizzle-orm";
import type { FailureEventPayload } from "inngest";
import { db } from "~/db/client.server";
import { functionFailures } from "~/db/schema";

export type FunctionFailure = {
  functionId: string;
  runId: string | null;
  eventName: string | null;
  eventId: string | null;
  error: string;
};

/**
 * Records a function that ran out of retries (or hit a non-retriable error) where an admin can see it
 * (`function_failures`). Inngest may deliver the failure handler more than once: one row per run.
 */
export function recordFunctionFailure(failure: FunctionFailure) {
  db.transaction((tx) => {
    if (failure.runId) {
      const existing = tx
        .select({ id: functionFailures.id })
        .from(functionFailures)
        .where(
          and(
            eq(functionFailures.functionId, failure.functionId),
            eq(functionFailures.runId, failure.runId),
          ),
        )
        .get();
      if (existing) return;
    }
    tx.insert(functionFailures)
      .values({ ...failure, error: failure.error.slice(0, 4000) })
      .run();
  });
}

/**
 * The `onFailure` handler every Courrier function uses. The error text is our own or Resend's message;
 * events carry no secrets, and only the event's name and id are stored, not its data.
 */
export function recordFailureOf(functionId: string) {
  return async ({
    event,
    error,
  }: {
    event: FailureEventPayload;
    error: Error;
  }) => {
    const original = event.data.event;
    const failure: FunctionFailure = {
      functionId,
      runId: event.data.run_id ?? null,
      eventName: original?.name ?? null,
      eventId: original?.id ?? null,
      error: `${error.name}: ${error.message}`,
    };
    recordFunctionFailure(failure);
    console.error(
      `inngest: ${functionId} failed (run ${failure.runId}, event ${failure.eventName} ${failure.eventId}): ${failure.error}`,
    );
    return { recorded: true };
  };
}
