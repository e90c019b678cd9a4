import { pendingInvitationEmail } from "~/organizations/invitations.server";
import { emailFunction } from "./email-function.server";

export const SEND_INVITATION_ID = "send-invitation";

/** Emails an invitation written (with its event) by the dashboard; retried until the email is out. */
export const sendInvitation = emailFunction(
  {
    id: SEND_INVITATION_ID,
    name: "Invitation email",
    event: "organization/invitation.created",
    template: "invitation",
  },
  (event) => {
    // Read when sending: revoked (or accepted, or expired) before the email left means nothing to send.
    return (
      pendingInvitationEmail(event.data.invitationId) ?? { skip: "not-pending" }
    );
  },
);
