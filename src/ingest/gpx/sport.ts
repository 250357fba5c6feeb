/** What a GPX track's `<type>` and `<name>` say it was. */
export type GpxSport = { kind: 'running' } | { kind: 'other'; reason: string } | { kind: 'unknown' };

const RUNNING = /\b(run|running|jog|jogging|trail ?run(ning)?|treadmill|laufen|lauf|course)\b/i;
/**
 * Strava writes its activity type as a number in GPX exports: 9 is Run. Garmin Connect and most apps
 * write a word ("running", "Run", "trail_running").
 */
const STRAVA_RUN = '9';
const OTHER_SPORT =
  /\b(cycl\w*|ride|riding|bike|biking|mtb|walk\w*|hik\w*|swim\w*|ski\w*|row\w*|kayak\w*|paddl\w*|skat\w*|drive|driving)\b/i;

/**
 * A track is a run when its type says so, or, without a type, when its name does. A type naming anything
 * else, or a name naming another sport, is that sport; without either the pace has to decide.
 */
export function gpxSport(type: string | null, name: string | null): GpxSport {
  const words = (text: string) => text.replace(/[_-]/g, ' ');
  if (type !== null && type !== '') {
    if (type === STRAVA_RUN || RUNNING.test(words(type))) return { kind: 'running' };
    return {
      kind: 'other',
      reason: `${/^\d+$/.test(type) ? `activity type ${type}` : type} activity skipped`,
    };
  }
  if (name !== null && RUNNING.test(words(name))) return { kind: 'running' };
  const other = name !== null ? OTHER_SPORT.exec(words(name)) : null;
  if (other !== null) {
    return { kind: 'other', reason: `${other[0].toLowerCase()} track skipped (named "${name}")` };
  }
  return { kind: 'unknown' };
}

/**
 * Moving speeds a track without a sport must average to pass for a run: from a slow jog with walk breaks
 * (1.5 m/s, 11 min/km; a brisk walk is ~1.6 m/s but walkers rarely average it) up to a little above the
 * marathon world record's 5.7 m/s. Keel's own bounds: anything outside is far likelier a walk or a ride.
 */
export const UNTYPED_RUN_SPEED_MPS = { min: 1.5, max: 6.5 } as const;
