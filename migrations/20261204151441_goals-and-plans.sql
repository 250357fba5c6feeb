CREATE TABLE "goal_race" (
	"id" uuid PRIMARY KEY NOT NULL,
	"athlete_id" uuid NOT NULL,
	"name" text,
	"distance_m" double precision NOT NULL,
	"race_date" date NOT NULL,
	"surface" text DEFAULT 'road' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_race_distance_positive" CHECK ("goal_race"."distance_m" > 0)
);
--> statement-breakpoint
CREATE TABLE "plan_snapshot" (
	"id" uuid PRIMARY KEY NOT NULL,
	"goal_id" uuid NOT NULL,
	"made_on" date NOT NULL,
	"trigger" text NOT NULL,
	"plan" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "goal_race" ADD CONSTRAINT "goal_race_athlete_id_athlete_id_fk" FOREIGN KEY ("athlete_id") REFERENCES "public"."athlete"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_snapshot" ADD CONSTRAINT "plan_snapshot_goal_id_goal_race_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goal_race"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "goal_race_athlete_idx" ON "goal_race" USING btree ("athlete_id","race_date");--> statement-breakpoint
CREATE INDEX "plan_snapshot_goal_idx" ON "plan_snapshot" USING btree ("goal_id","created_at");