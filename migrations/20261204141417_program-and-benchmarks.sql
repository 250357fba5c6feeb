CREATE TABLE "benchmark_result" (
	"id" uuid PRIMARY KEY NOT NULL,
	"athlete_id" uuid NOT NULL,
	"test_id" text NOT NULL,
	"taken_on" date NOT NULL,
	"side" text,
	"value" double precision NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "benchmark_result_value_nonnegative" CHECK ("benchmark_result"."value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "program_session" (
	"id" uuid PRIMARY KEY NOT NULL,
	"athlete_id" uuid NOT NULL,
	"performed_on" date NOT NULL,
	"label" text,
	"exercises" jsonb NOT NULL,
	"pain_next_morning" smallint,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_session_morning_range" CHECK ("program_session"."pain_next_morning" is null or "program_session"."pain_next_morning" between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "program_settings" (
	"athlete_id" uuid PRIMARY KEY NOT NULL,
	"sessions_per_week" smallint NOT NULL,
	"minutes_per_session" smallint NOT NULL,
	"equipment" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_settings_sessions_range" CHECK ("program_settings"."sessions_per_week" between 1 and 7),
	CONSTRAINT "program_settings_minutes_range" CHECK ("program_settings"."minutes_per_session" between 5 and 180)
);
--> statement-breakpoint
ALTER TABLE "benchmark_result" ADD CONSTRAINT "benchmark_result_athlete_id_athlete_id_fk" FOREIGN KEY ("athlete_id") REFERENCES "public"."athlete"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_session" ADD CONSTRAINT "program_session_athlete_id_athlete_id_fk" FOREIGN KEY ("athlete_id") REFERENCES "public"."athlete"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_settings" ADD CONSTRAINT "program_settings_athlete_id_athlete_id_fk" FOREIGN KEY ("athlete_id") REFERENCES "public"."athlete"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "benchmark_result_athlete_idx" ON "benchmark_result" USING btree ("athlete_id","taken_on");--> statement-breakpoint
CREATE INDEX "program_session_athlete_idx" ON "program_session" USING btree ("athlete_id","performed_on");