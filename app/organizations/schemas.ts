import { z } from "zod";
import { EmailSchema } from "~/auth/schemas";

// Messages are translation keys, shown next to the field in the page's language.
export const InviteSchema = z.object({
  organizationId: z
    .string({ error: "errors.rejected" })
    .min(1, "errors.rejected")
    .max(100, "errors.rejected"),
  email: EmailSchema,
});
export type InviteInput = z.infer<typeof InviteSchema>;

export const RevokeSchema = z.object({
  invitationId: z
    .string({ error: "errors.rejected" })
    .min(1, "errors.rejected")
    .max(100, "errors.rejected"),
});
