import { z } from "zod";

export const NAME_MAX = 100;

/**
 * A person's name as Courrier accepts it: at signup, in events, in the studio's sample editor. Names end
 * up in emails and their headers, so: no control characters (line breaks included), no invisible or
 * direction-changing text, no angle brackets, no U+FFFD left by undecodable bytes. Messages are
 * translation keys.
 */
export const PersonNameSchema = z
  .string({ error: "errors.nameRequired" })
  .trim()
  .min(1, "errors.nameRequired")
  .max(NAME_MAX, "errors.nameTooLong")
  .regex(/^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}<>\uFFFD]+$/u, "errors.nameInvalid");
