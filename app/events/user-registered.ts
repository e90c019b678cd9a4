import { eventType } from "inngest";
import { z } from "zod";
import { IdSchema } from "./ids";
import { PersonNameSchema } from "./person-name";
import { defineSamples } from "./samples";
import { ConfirmPathSchema } from "./user-activation";

/**
 * A user signed up. The event carries the id only: the steps that email them read their name, address
 * and language when they send (docs/decisions/0011-events-carry-ids.md).
 */
export const UserRegisteredSchema = z.object({ userId: IdSchema });
export type UserRegistered = z.infer<typeof UserRegisteredSchema>;

export const userRegistered = eventType("user/registered", {
  schema: UserRegisteredSchema,
});

/**
 * What the steps of a new user's emails read about them: their name, and, while their address is
 * pending, the path of a confirmation link (the welcome email's button; the activation reminder's).
 */
export const UserContextSchema = z.object({
  userName: PersonNameSchema,
  confirmPath: ConfirmPathSchema.optional(),
});

export const userRegisteredSamples = defineSamples(
  { data: UserRegisteredSchema, context: UserContextSchema },
  {
    "new-user-fr": {
      label: "New user, French",
      data: { userId: "usr_sample_fr" },
      context: {
        userName: "Camille Dupont",
        confirmPath: "/verify-email/sample-token",
      },
    },
    "new-user-en": {
      label: "New user, English",
      data: { userId: "usr_sample_en" },
      context: {
        userName: "Alex Morgan",
        confirmPath: "/verify-email/sample-token",
      },
    },
    "new-user-es-long-name": {
      label: "New user, long Spanish name",
      data: { userId: "usr_sample_es" },
      context: {
        userName: "María de los Ángeles Fernández-Villaverde y Santiesteban",
        confirmPath: "/verify-email/sample-token",
      },
    },
    "invited-user-confirmed-en": {
      label: "Joined through an invitation (address already proven), English",
      data: { userId: "usr_sample_invited" },
      context: { userName: "Sam Taylor" },
    },
  },
);
