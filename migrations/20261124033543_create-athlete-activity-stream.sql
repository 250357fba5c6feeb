CREATE TABLE "activity" (
	"id" uuid PRIMARY KEY NOT NULL,
	"athlete_id" uuid NOT NULL,
	"source_format" text NOT NULL,
	"source_file_name" text NOT NULL,
	"source_hash" text NOT NULL,
	"source_session_index" integer NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"device" jsonb,
	"sport" text NOT NULL,
	"sub_sport" text NOT NULL,
	"start_time" timestamp with time zone NOT NULL,
	"utc_offset_min" integer,
	"elapsed_s" double precision NOT NULL,
	"moving_s" double precision NOT NULL,
	"distance_m" double precision NOT NULL,
	"ascent_m" double precision,
	"descent_m" double precision,
	"avg_speed_mps" double precision,
	"max_speed_mps" double precision,
	"avg_heart_rate_bpm" double precision,
	"max_heart_rate_bpm" double precision,
	"avg_cadence_spm" double precision,
	"max_cadence_spm" double precision,
	"avg_power_w" double precision,
	"max_power_w" double precision,
	"channels" text[] DEFAULT '{}'::text[] NOT NULL,
	"channel_sources" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_stream" (
	"activity_id" uuid PRIMARY KEY NOT NULL,
	"athlete_id" uuid NOT NULL,
	"codec_version" smallint NOT NULL,
	"sample_count" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "athlete" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"units" text DEFAULT 'metric' NOT NULL,
	"birth_year" smallint,
	"sex" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_athlete_id_athlete_id_fk" FOREIGN KEY ("athlete_id") REFERENCES "public"."athlete"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_stream" ADD CONSTRAINT "activity_stream_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_stream" ADD CONSTRAINT "activity_stream_athlete_id_athlete_id_fk" FOREIGN KEY ("athlete_id") REFERENCES "public"."athlete"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activity_source_uq" ON "activity" USING btree ("athlete_id","source_hash","source_session_index");--> statement-breakpoint
CREATE INDEX "activity_athlete_start_idx" ON "activity" USING btree ("athlete_id","start_time");