CREATE TABLE "activity_source" (
	"id" uuid PRIMARY KEY NOT NULL,
	"activity_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"format" text NOT NULL,
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"session_index" integer NOT NULL,
	"is_primary" boolean NOT NULL,
	"start_time" timestamp with time zone NOT NULL,
	"distance_m" double precision NOT NULL,
	"elapsed_s" double precision NOT NULL,
	"channels" text[] DEFAULT '{}'::text[] NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "activity_source" ADD CONSTRAINT "activity_source_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_source" ADD CONSTRAINT "activity_source_athlete_id_athlete_id_fk" FOREIGN KEY ("athlete_id") REFERENCES "public"."athlete"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activity_source_file_uq" ON "activity_source" USING btree ("athlete_id","file_hash","session_index");--> statement-breakpoint
CREATE INDEX "activity_source_activity_idx" ON "activity_source" USING btree ("activity_id");--> statement-breakpoint
-- Runs imported before sources were tracked: each one's own file is its primary source.
INSERT INTO "activity_source" ("id", "activity_id", "athlete_id", "format", "file_name", "file_hash", "session_index", "is_primary", "start_time", "distance_m", "elapsed_s", "channels", "imported_at")
SELECT gen_random_uuid(), "id", "athlete_id", "source_format", "source_file_name", "source_hash", "source_session_index", true, "start_time", "distance_m", "elapsed_s", "channels", "imported_at" FROM "activity";
