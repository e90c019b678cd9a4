CREATE TABLE `checkout_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`plan_id` text NOT NULL,
	`price_id` text NOT NULL,
	`customer_id` text,
	`subscription_id` text,
	`completed_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `checkout_sessions_user_idx` ON `checkout_sessions` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `checkout_sessions_subscription_idx` ON `checkout_sessions` (`subscription_id`);--> statement-breakpoint
CREATE TABLE `stripe_prices` (
	`lookup_key` text PRIMARY KEY NOT NULL,
	`price_id` text,
	`product_id` text,
	`unit_amount` integer,
	`currency` text,
	`interval` text,
	`interval_count` integer,
	`fetched_at` integer NOT NULL
);
