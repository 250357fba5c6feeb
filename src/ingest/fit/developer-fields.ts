/**
 * Developer (Connect IQ) fields Keel understands. A developer field is only as trustworthy as the app that
 * wrote it: a field called "Power" from an unknown app may be a bike's, so fields are identified by the app
 * (its 16-byte application id) and the field's name, never by name alone. Fields of unknown apps and fields
 * without a name are dropped.
 */
interface KnownApp {
  name: string;
  /** Application ids as lowercase UUIDs. */
  applicationIds: readonly string[];
  /**
   * The app's own recorder writes its fields without an application id; they are trusted when the file's
   * manufacturer (file_id) is the app's maker.
   */
  recorderManufacturer?: string;
}

export const KNOWN_APPS: readonly KnownApp[] = [
  {
    name: 'Stryd',
    // The legacy Stryd data field and the Stryd Zones (power zone) data field.
    applicationIds: ['660a581e-5301-460c-8f2f-034c8b6dc90f', '18fb2cf0-1a4b-430d-ad66-988c847421f4'],
    recorderManufacturer: 'stryd',
  },
  { name: 'RunScribe', applicationIds: ['c1f5c80a-5a05-4e8a-97b3-fda34e957035'] },
];

export function applicationUuid(bytes: readonly number[]): string | null {
  if (bytes.length !== 16 || bytes.every((b) => b === 0)) return null;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The known app that wrote a developer data id, or null. */
export function identifyApp(applicationId: string | null, fileManufacturer: string | null): string | null {
  const app = KNOWN_APPS.find((a) =>
    applicationId === null
      ? a.recorderManufacturer !== undefined && a.recorderManufacturer === fileManufacturer
      : a.applicationIds.includes(applicationId),
  );
  return app?.name ?? null;
}

export interface FieldDescription {
  developerDataIndex: number;
  /** The SDK's key for this field in `developerFields` of later messages. */
  key: number;
  name: string | null;
  scale: number | null;
  offset: number | null;
}

/**
 * Follows developer data ids and field descriptions in file order, so that each message's developer values
 * are read with the descriptions in force when it was written. Files may redefine a developer data index
 * midway (a triathlon whose bike leg used one app and run leg Stryd): the SDK then reuses the same keys for
 * different fields, so resolving after decoding would mislabel them.
 */
export class DeveloperFieldResolver {
  readonly #appByIndex = new Map<number, string | null>();
  readonly #fieldByKey = new Map<number, KnownDeveloperField>();

  onDeveloperDataId(
    developerDataIndex: number,
    applicationId: string | null,
    fileManufacturer: string | null,
  ): void {
    this.#appByIndex.set(developerDataIndex, identifyApp(applicationId, fileManufacturer));
  }

  onFieldDescription(field: FieldDescription): void {
    const app = this.#appByIndex.get(field.developerDataIndex) ?? null;
    const name = field.name?.trim() ?? '';
    if (app === null || name === '') {
      this.#fieldByKey.delete(field.key);
      return;
    }
    this.#fieldByKey.set(field.key, {
      source: `${app}/${name}`,
      scale: field.scale !== null && field.scale !== 0 ? field.scale : 1,
      offset: field.offset ?? 0,
    });
  }

  /** The known field the SDK's developer field key stands for now, if any. */
  field(key: number): KnownDeveloperField | undefined {
    return this.#fieldByKey.get(key);
  }

  /** Known developer values of one message, keyed `<app>/<field name>`, in the app's units. */
  resolve(raw: ReadonlyMap<number, number>): Map<string, number> {
    const values = new Map<string, number>();
    for (const [key, value] of raw) {
      const field = this.#fieldByKey.get(key);
      if (field !== undefined) values.set(field.source, developerValue(field, value));
    }
    return values;
  }
}

export interface KnownDeveloperField {
  /** `<app>/<field name>`. */
  source: string;
  scale: number;
  offset: number;
}

/** A developer field's raw value in the app's units. */
export function developerValue(field: KnownDeveloperField, raw: number): number {
  return raw / field.scale - field.offset;
}
