CREATE TABLE `email_daily_stats` (
	`day` text NOT NULL,
	`template` text NOT NULL,
	`locale` text NOT NULL,
	`sent` integer DEFAULT 0 NOT NULL,
	`delivered` integer DEFAULT 0 NOT NULL,
	`opened` integer DEFAULT 0 NOT NULL,
	`clicked` integer DEFAULT 0 NOT NULL,
	`bounced` integer DEFAULT 0 NOT NULL,
	`complained` integer DEFAULT 0 NOT NULL,
	`skipped` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `template`, `locale`)
);
--> statement-breakpoint
CREATE TABLE `email_engagement` (
	`key` text PRIMARY KEY NOT NULL,
	`template` text NOT NULL,
	`locale` text NOT NULL,
	`day` text NOT NULL,
	`delivered_at` integer,
	`opened_at` integer,
	`clicked_at` integer,
	`bounced_at` integer,
	`complained_at` integer
);
--> statement-breakpoint
CREATE TABLE `email_events` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`email_id` text,
	`message_id` text,
	`template` text,
	`locale` text,
	`recipient` text,
	`occurred_at` integer NOT NULL,
	`detail` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `email_events_message_idx` ON `email_events` (`message_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `email_events_email_idx` ON `email_events` (`email_id`);--> statement-breakpoint
CREATE TABLE `email_skips` (
	`id` text PRIMARY KEY NOT NULL,
	`idempotency_key` text NOT NULL,
	`template` text NOT NULL,
	`locale` text NOT NULL,
	`recipient` text NOT NULL,
	`event_id` text,
	`reason` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `email_skips_idempotency_key_unique` ON `email_skips` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `email_skips_created_idx` ON `email_skips` (`created_at`);--> statement-breakpoint
CREATE TABLE `suppression_lifts` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`reason` text NOT NULL,
	`note` text NOT NULL,
	`lifted_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`lifted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
ALTER TABLE `email_suppressions` ADD `detail` text;--> statement-breakpoint
ALTER TABLE `mailbox_messages` ADD `transport` text DEFAULT 'local' NOT NULL;--> statement-breakpoint
ALTER TABLE `mailbox_messages` ADD `provider_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `mailbox_messages_provider_id_unique` ON `mailbox_messages` (`provider_id`);