/**
 * What one expansion may cost. Activity files are small (a 3-hour FIT run is ~1 MB, a 100 MB GPX is the
 * largest Keel promises to read), so anything far beyond these numbers is damage or an attack, not a runner's
 * history. docs/decisions.md ("Archives") records why each number is what it is.
 */
export interface ArchiveLimits {
  /** Largest activity file read into memory, decompressed. */
  maxFileBytes: number;
  /** Bytes read out of compressed layers during one expansion, nested archives counted at every layer. */
  maxTotalBytes: number;
  /** Containers inside containers: the outer file is depth 0. */
  maxDepth: number;
  /** Decompressed to compressed ratio beyond which a member is treated as a bomb… */
  maxRatio: number;
  /** …once it is larger than this: small files of repeated bytes are harmless. */
  ratioFloorBytes: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<ArchiveLimits> = {
  maxFileBytes: 256 * MB,
  maxTotalBytes: 16 * 1024 * MB,
  maxDepth: 4,
  maxRatio: 100,
  ratioFloorBytes: 10 * MB,
};

/** A limit that was hit, or damage that was found: the message is what the runner reads. */
export class ArchiveProblem extends Error {
  override readonly name = 'ArchiveProblem';
}

/** Running totals of one expansion; once the byte budget is spent, the rest of the archive is left unread. */
export class Budget {
  spentBytes = 0;
  exhausted = false;

  constructor(readonly limits: ArchiveLimits) {}

  /** Fails now, rather than after the work, when `bytes` more would not fit. */
  reserve(bytes: number): void {
    if (this.spentBytes + bytes > this.limits.maxTotalBytes) this.exhaust();
  }

  spend(bytes: number): void {
    this.spentBytes += bytes;
    if (this.spentBytes > this.limits.maxTotalBytes) this.exhaust();
  }

  private exhaust(): never {
    this.exhausted = true;
    throw new ArchiveProblem(
      `archive expands to more than ${formatBytes(this.limits.maxTotalBytes)} (a zip bomb?): the rest of it was not read`,
    );
  }

  /** Throws when `outBytes` decompressed from `inBytes` looks like a bomb rather than a recording. */
  checkRatio(outBytes: number, inBytes: number): void {
    const { maxRatio, ratioFloorBytes } = this.limits;
    if (outBytes <= ratioFloorBytes || outBytes <= maxRatio * Math.max(inBytes, 1)) return;
    throw new ArchiveProblem(
      `zip bomb: ${formatBytes(inBytes)} expands to over ${formatBytes(outBytes)} (more than ${maxRatio}:1)`,
    );
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * MB) return `${+(bytes / (1024 * MB)).toFixed(1)} GB`;
  if (bytes >= MB) return `${+(bytes / MB).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} kB`;
  return `${bytes} bytes`;
}
