import type { ArchiveLimits } from './limits.js';

/** What an export says about an activity besides its file, e.g. a row of Strava's activities.csv. */
export interface ActivityHint {
  name?: string;
  activityType?: string;
  /** Absent when the source's type is unknown to Keel: the file's own sport decides then. */
  isRunning?: boolean;
  startTime?: Date;
}

/** One activity file found in what was given, e.g. ["export.zip", "activities/1234.fit.gz"]. */
export interface ArchiveEntry {
  /**
   * The outer file first, then one member name per zip level; the last element names the activity file.
   * A gzip layer adds no element: it holds exactly one file, which its own name already identifies.
   */
  path: string[];
  /** The activity file's content, decompressed. */
  bytes: Uint8Array;
  hint?: ActivityHint;
}

/**
 * `skipped`: deliberately not read (not an activity, not a run by the export's word, a link);
 * `rejected`: could not or must not be read (damage, a limit, an unsafe name), which the runner should hear.
 */
export type ExpandedItem =
  | { kind: 'file'; entry: ArchiveEntry }
  | { kind: 'rejected'; path: string[]; reason: string }
  | { kind: 'skipped'; path: string[]; reason: string };

export interface ExpandOptions {
  /**
   * The first element of every path: what the runner called the file. Defaults to the path as given; the
   * server passes an upload's own name when it expands the temp file the upload was spilled to.
   */
  name?: string;
  /** Tighter (or looser) limits than DEFAULT_LIMITS, e.g. for tests. */
  limits?: Partial<ArchiveLimits>;
  /** Hears the compressed size of each member of the outer zip once it has been dealt with: progress. */
  onStoredBytes?: (bytes: number) => void;
  /** Where zips found inside zips are spilled while they are read; the system's temp folder by default. */
  tempDir?: string;
}
