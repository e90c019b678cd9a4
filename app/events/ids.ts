import { z } from "zod";

/** An id in an event (a row's id, Stripe's `sub_…`): never empty. */
export const IdSchema = z.string().min(1);

/** An organization's name as events and their contexts carry it (Stripe product names included). */
export const OrganizationNameSchema = z.string().min(1).max(200);
