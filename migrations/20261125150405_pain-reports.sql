CREATE TABLE "pain_report" (
	"id" uuid PRIMARY KEY NOT NULL,
	"athlete_id" uuid NOT NULL,
	"activity_id" uuid,
	"date" date NOT NULL,
	"region" text NOT NULL,
	"side" text NOT NULL,
	"aspect" text,
	"onset_kind" text NOT NULL,
	"onset_m" double precision,
	"onset_s" double precision,
	"severity" smallint NOT NULL,
	"character" text,
	"action" text,
	"next_morning_severity" smallint,
	"red_flags" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text,
	"triage_level" text NOT NULL,
	"triage" jsonb NOT NULL,
	"cleared_at" timestamp with time zone,
	"cleared_note" text,
	"source_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pain_report_severity_range" CHECK ("pain_report"."severity" between 0 and 10),
	CONSTRAINT "pain_report_morning_range" CHECK ("pain_report"."next_morning_severity" is null or "pain_report"."next_morning_severity" between 0 and 10)
);
--> statement-breakpoint
ALTER TABLE "pain_report" ADD CONSTRAINT "pain_report_athlete_id_athlete_id_fk" FOREIGN KEY ("athlete_id") REFERENCES "public"."athlete"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pain_report" ADD CONSTRAINT "pain_report_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pain_report_athlete_date_idx" ON "pain_report" USING btree ("athlete_id","date");--> statement-breakpoint
CREATE INDEX "pain_report_activity_idx" ON "pain_report" USING btree ("activity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pain_report_source_uq" ON "pain_report" USING btree ("athlete_id","source_key");