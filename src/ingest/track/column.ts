/**
 * A Float64Array that grows by doubling: a long file's samples are collected without an array of boxed
 * numbers or an object per point, so a 100 MB file costs a few bytes per value.
 */
export class Column {
  private data = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  setLast(value: number): void {
    if (this.length > 0) this.data[this.length - 1] = value;
  }

  last(): number {
    return this.length > 0 ? (this.data[this.length - 1] ?? Number.NaN) : Number.NaN;
  }

  /** A copy trimmed to length, so the spare capacity is not kept alive with the run. */
  values(): Float64Array {
    return this.data.slice(0, this.length);
  }
}
