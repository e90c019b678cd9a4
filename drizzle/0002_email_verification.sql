ALTER TABLE `organizations` ADD `pending_owner_email` text;--> statement-breakpoint
CREATE INDEX `organizations_pending_owner_idx` ON `organizations` (`pending_owner_email`);--> statement-breakpoint
ALTER TABLE `users` ADD `email_verified_at` integer;