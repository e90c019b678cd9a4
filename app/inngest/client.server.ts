import { Inngest } from "inngest";
import { env } from "~/env.server";

export const inngest = new Inngest({
  id: "courrier",
  // Cloud mode unless INNGEST_DEV=1, which only the dev scripts and tests set.
  isDev: env.INNGEST_DEV,
  baseUrl: env.INNGEST_BASE_URL,
  eventKey: env.INNGEST_EVENT_KEY,
  signingKey: env.INNGEST_SIGNING_KEY,
});
