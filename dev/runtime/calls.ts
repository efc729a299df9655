/**
 * Counts every call made on the fake Apps Script services, by "Service.method" name
 * (e.g. "Range.getValues", "Sheet.getRange", "SpreadsheetApp.getActiveSpreadsheet"),
 * so tests can assert that the number of service calls does not grow with the number of rows
 * (DESIGN.md, rule 3).
 */
export class CallCounter {
  private readonly counts = new Map<string, number>();

  /** Records one call of `name` ("Service.method"). */
  record(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  /** How many times `name` ("Range.getValues") was called. */
  count(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  /**
   * Total calls, or the calls of one service ("Range" or "Range." counts every "Range.*"),
   * or of any name starting with `prefix` when it contains a dot ("Range.get").
   */
  total(prefix?: string): number {
    let sum = 0;
    for (const [name, n] of this.counts) {
      if (prefix === undefined || matches(name, prefix)) sum += n;
    }
    return sum;
  }

  /** Forgets every count. */
  reset(): void {
    this.counts.clear();
  }

  /** A copy of the counts, sorted by name (handy in failure messages and benches). */
  snapshot(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const name of [...this.counts.keys()].sort()) out[name] = this.counts.get(name) ?? 0;
    return out;
  }
}

function matches(name: string, prefix: string): boolean {
  if (prefix.includes('.')) return name.startsWith(prefix);
  return name.startsWith(`${prefix}.`);
}
