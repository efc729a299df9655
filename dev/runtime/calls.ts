/** The message of the error every service call throws once an execution is killed. */
export const EXECUTION_KILLED_MESSAGE = 'Exceeded maximum execution time';

/**
 * The error a killed execution's service calls throw (see CallCounter.killAfter): Apps Script's
 * message for the 6-minute limit, with name "ExecutionKilled" so tests can tell it apart.
 */
function executionKilledError(): Error {
  const error = new Error(EXECUTION_KILLED_MESSAGE);
  error.name = 'ExecutionKilled';
  return error;
}

/**
 * Counts every call made on the fake Apps Script services, by "Service.method" name
 * (e.g. "Range.getValues", "Sheet.getRange", "SpreadsheetApp.getActiveSpreadsheet"),
 * so tests can assert that the number of service calls does not grow with the number of rows
 * (ARCHITECTURE.md: batch every Apps Script call).
 */
export class CallCounter {
  private readonly counts = new Map<string, number>();
  /** calls still allowed before the kill; undefined when no kill is armed */
  private budget: number | undefined;
  private dead = false;
  /**
   * Asked before each call is made: throws the error Apps Script gives for a call the running
   * execution context does not allow (set by execution.ts; undefined when all are allowed).
   */
  guard: ((name: string) => void) | undefined;

  /**
   * Records one call of `name` ("Service.method"). Every fake calls this first, before doing
   * anything, so a killed execution's call, or one its context refuses, throws without side
   * effect (see killAfter and guard). A refused call is not counted.
   */
  record(name: string): void {
    if (this.dead) throw executionKilledError();
    if (this.budget !== undefined) {
      if (this.budget <= 0) {
        this.dead = true;
        throw executionKilledError();
      }
      this.budget -= 1;
    }
    if (this.guard !== undefined) this.guard(name);
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

  /**
   * Arms the kill switch: the next `n` calls run (and are counted) as usual; the call after
   * them and every later one throws executionKilledError() before doing anything and is not
   * counted. killAfter(0) kills at the very next call. Simulates an execution that dies mid-run
   * (the 6-minute limit, a crash).
   */
  killAfter(n: number): void {
    if (!Number.isInteger(n) || n < 0) {
      throw new Error(`CallCounter.killAfter: expected a whole number >= 0, got ${n}`);
    }
    this.budget = n;
  }

  /** True once a call was refused by the kill switch. */
  get killed(): boolean {
    return this.dead;
  }

  /** Forgets every count (the kill switch stays as it is). */
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
