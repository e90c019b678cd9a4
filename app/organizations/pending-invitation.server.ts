import { createCookie } from "react-router";
import { z } from "zod";
import { isProduction } from "~/env.server";
import { INVITATION_TTL_MS } from "./invitations.server";

/**
 * Remembers the invitation a visitor opened before signing up or in, so that wherever they land
 * afterwards (the dashboard), they are brought back to it. Holds what the link held, nothing more.
 */
const cookie = createCookie("invitation", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: isProduction,
  maxAge: INVITATION_TTL_MS / 1000,
});

const LinkSchema = z.object({
  id: z.string().min(1).max(100),
  token: z.string().min(1).max(100),
});

export function rememberInvitation(link: { id: string; token: string }) {
  return cookie.serialize(link);
}

export async function pendingInvitationPath(
  request: Request,
): Promise<string | null> {
  const parsed = LinkSchema.safeParse(
    await cookie.parse(request.headers.get("Cookie")),
  );
  return parsed.success
    ? `/invitations/${encodeURIComponent(parsed.data.id)}/${encodeURIComponent(parsed.data.token)}`
    : null;
}

export function forgetInvitation() {
  return cookie.serialize("", { maxAge: 0 });
}
