/** The fixed part of a FIT file header (FIT protocol §3.3.1). */
export interface FitHeader {
  headerSize: number;
  dataSize: number;
  /** Header, data and the 2-byte file CRC. */
  declaredLength: number;
}

const FIT_SIGNATURE = '.FIT';

/** Reads the header, or says in one line why the bytes don't start with a usable one. */
export function readFitHeader(bytes: Uint8Array): FitHeader | string {
  if (bytes.length < 12) return `truncated FIT file: only ${bytes.length} bytes, not even a header`;
  const signature = String.fromCharCode(...bytes.subarray(8, 12));
  if (signature !== FIT_SIGNATURE) return 'not a FIT file: no ".FIT" signature in the header';
  const headerSize = bytes[0] ?? 0;
  if (headerSize !== 12 && headerSize !== 14) {
    return `corrupt FIT file: header size ${headerSize}, the protocol allows 12 or 14`;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dataSize = view.getUint32(4, true);
  return { headerSize, dataSize, declaredLength: headerSize + dataSize + 2 };
}

export interface DecodeProblems {
  header: FitHeader;
  fileLength: number;
  /** The SDK's header and file CRC check. */
  integrityOk: boolean;
  /** The first error the SDK reported while reading, if any, and the byte it stopped at. */
  error: { message: string; atByte: number } | null;
}

/**
 * One line on what is wrong with a FIT file, or null when it is whole. Truncation is named first because it
 * explains the rest; a CRC failure means the bytes changed; an SDK error on an intact file is the decoder's
 * limit, not the file's fault.
 */
export function describeDamage({ header, fileLength, integrityOk, error }: DecodeProblems): string | null {
  const crcError = error !== null && /CRC error/.test(error.message);
  const stopped =
    error === null || crcError ? null : `unreadable from byte ${error.atByte}${sdkReason(error.message)}`;
  if (fileLength < header.declaredLength) {
    const ends = `data ends at byte ${fileLength} of ${header.declaredLength} declared`;
    return `truncated FIT file: ${[ends, stopped].filter((p) => p !== null).join('; ')}`;
  }
  if (!integrityOk || crcError) {
    const parts = [crcError ? `CRC check failed at byte ${error.atByte}` : 'CRC check failed', stopped];
    if (header.dataSize === 0 && fileLength > header.headerSize + 2) {
      const follow = fileLength - header.headerSize;
      parts.push(`the header declares no data yet ${follow} bytes follow (an unfinished recording?)`);
    }
    return `corrupt FIT file: ${parts.filter((p) => p !== null).join('; ')}`;
  }
  return stopped === null ? null : `FIT file not fully readable: ${stopped}`;
}

/** The SDK's message without its "FIT Runtime Error at byte N" prefix, as a short clause. */
function sdkReason(message: string): string {
  const detail = message
    .replace(/^FIT Runtime Error( at byte \d+)?/, '')
    .replace(/ at byte \d+$/, '')
    .trim();
  if (detail === '') return '';
  if (/compressed timestamp/i.test(detail))
    return ' (compressed-timestamp records, which the FIT SDK cannot read yet)';
  if (/end of stream/i.test(detail)) return ' (the data stops mid-message)';
  return ` (the FIT SDK failed: ${detail})`;
}
