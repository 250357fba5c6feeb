import type { FitRecord, FitRecords } from './model.js';

/**
 * Grows the columns of a record table one record at a time. Sources get a slot number once, so that the
 * fast path writes a value with an array index instead of a map lookup per field and record.
 */
export class RecordTableBuilder {
  #length = 0;
  #time: Float64Array;
  #columns: Float64Array[] = [];
  readonly #slots = new Map<string, number>();

  /** `capacity`: how many records are expected; the table grows past it when needed. */
  constructor(capacity = 1024) {
    this.#time = nanArray(Math.max(1, capacity));
  }

  slot(key: string): number {
    const known = this.#slots.get(key);
    if (known !== undefined) return known;
    this.#slots.set(key, this.#columns.length);
    this.#columns.push(nanArray(this.#time.length));
    return this.#columns.length - 1;
  }

  /** Starts the next record; `timeS` is NaN when it has no valid timestamp. */
  add(timeS: number): void {
    if (this.#length === this.#time.length) {
      this.#time = grown(this.#time);
      this.#columns = this.#columns.map(grown);
    }
    this.#time[this.#length++] = timeS;
  }

  /** Sets a value of the record last added; NaN clears it. */
  set(slot: number, value: number): void {
    const column = this.#columns[slot];
    if (column !== undefined) column[this.#length - 1] = value;
  }

  build(): FitRecords {
    const n = this.#length;
    const values = new Map<string, Float64Array>();
    for (const [key, slot] of this.#slots) {
      const column = this.#columns[slot];
      if (column !== undefined && hasValue(column, n)) values.set(key, column.slice(0, n));
    }
    return { length: n, timeS: this.#time.slice(0, n), values };
  }
}

/** A table from records given one by one, as the SDK path and tests hold them. */
export function recordTable(records: Iterable<FitRecord>): FitRecords {
  const table = new RecordTableBuilder();
  for (const record of records) {
    table.add(record.timeS ?? Number.NaN);
    for (const [key, value] of record.values) table.set(table.slot(key), value);
  }
  return table.build();
}

/** The records at the given row numbers, in that order. */
export function pickRecords(records: FitRecords, rows: readonly number[]): FitRecords {
  const pick = (column: Float64Array) => {
    const picked = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) picked[i] = column[rows[i] ?? -1] ?? Number.NaN;
    return picked;
  };
  const values = new Map<string, Float64Array>();
  for (const [key, column] of records.values) values.set(key, pick(column));
  return { length: rows.length, timeS: pick(records.timeS), values };
}

function hasValue(column: Float64Array, length: number): boolean {
  for (let i = 0; i < length; i++) if (!Number.isNaN(column[i] ?? Number.NaN)) return true;
  return false;
}

function nanArray(length: number): Float64Array {
  return new Float64Array(length).fill(Number.NaN);
}

function grown(column: Float64Array): Float64Array {
  const next = nanArray(column.length * 2);
  next.set(column);
  return next;
}
