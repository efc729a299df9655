import type { CallCounter } from './calls';
import { type ExecutionView, FULL_ACCESS } from './execution';
import type { FakeClock } from './clock';

/** "script", "document:<spreadsheet id>" or "user:<email>". */
export type LockKey = 'script' | `document:${string}` | `user:${string}`;

export const LOCK_TIMEOUT_MESSAGE =
  'Lock timeout: another process was holding the lock for too long.';

/**
 * Who holds which lock, shared by every runtime (execution) that should contend for the same
 * locks. A test can hold a lock "from another execution" with holdFromAnotherExecution.
 */
export class LockState {
  private readonly holders = new Map<LockKey, string>();

  /** The execution id holding `key`, if any. */
  holder(key: LockKey): string | undefined {
    return this.holders.get(key);
  }

  /** Takes `key` for `executionId` if it is free (or already its own). */
  acquire(key: LockKey, executionId: string): boolean {
    const current = this.holders.get(key);
    if (current !== undefined && current !== executionId) return false;
    this.holders.set(key, executionId);
    return true;
  }

  /** Releases `key` if `executionId` holds it. */
  release(key: LockKey, executionId: string): void {
    if (this.holders.get(key) === executionId) this.holders.delete(key);
  }

  /** Holds `key` as another execution would; returns a function that releases it. */
  holdFromAnotherExecution(key: LockKey = 'script', executionId = 'another-execution'): () => void {
    if (!this.acquire(key, executionId)) {
      throw new Error(`LockState: ${key} is already held by ${this.holders.get(key) ?? '?'}`);
    }
    return () => this.release(key, executionId);
  }

  /** Releases every lock held by `executionId` (Apps Script does so when an execution ends). */
  releaseAll(executionId: string): void {
    for (const [key, holder] of [...this.holders]) {
      if (holder === executionId) this.holders.delete(key);
    }
  }
}

/**
 * One Lock. Nothing else runs while a fake execution waits, so a lock held by another
 * execution stays held for the whole wait: tryLock advances the fake clock by the timeout and
 * returns false, waitLock advances it and throws Google's message.
 */
export class FakeLock implements GoogleAppsScript.Lock.Lock {
  private acquired = false;

  constructor(
    private readonly state: LockState,
    readonly key: LockKey,
    private readonly executionId: string,
    private readonly clock: FakeClock,
    private readonly calls: CallCounter,
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    this.calls.record('Lock.tryLock');
    return this.take(timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    this.calls.record('Lock.waitLock');
    if (!this.take(timeoutInMillis)) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }

  releaseLock(): void {
    this.calls.record('Lock.releaseLock');
    this.state.release(this.key, this.executionId);
    this.acquired = false;
  }

  /** True if this Lock acquired the lock and has not released it (or timed out). */
  hasLock(): boolean {
    this.calls.record('Lock.hasLock');
    return this.acquired && this.state.holder(this.key) === this.executionId;
  }

  private take(timeoutInMillis: number): boolean {
    this.acquired = this.state.acquire(this.key, this.executionId);
    if (!this.acquired) this.clock.advance(Math.max(0, Number(timeoutInMillis) || 0));
    return this.acquired;
  }
}

export class FakeLockService implements GoogleAppsScript.Lock.LockService {
  constructor(
    readonly state: LockState,
    readonly executionId: string,
    private readonly documentId: string,
    private readonly userEmail: string,
    private readonly clock: FakeClock,
    private readonly calls: CallCounter,
    private readonly execution: ExecutionView = FULL_ACCESS,
  ) {}

  getScriptLock(): FakeLock {
    this.calls.record('LockService.getScriptLock');
    return this.lock('script');
  }

  /** "A lock scoped to the script and current document, or null" when there is no document. */
  getDocumentLock(): FakeLock {
    this.calls.record('LockService.getDocumentLock');
    if (!this.execution.documentLock) return null as unknown as FakeLock;
    return this.lock(`document:${this.documentId}`);
  }

  getUserLock(): FakeLock {
    this.calls.record('LockService.getUserLock');
    return this.lock(`user:${this.userEmail}`);
  }

  /** Releases this execution's locks, as Apps Script does when the execution ends. */
  endExecution(): void {
    this.state.releaseAll(this.executionId);
  }

  private lock(key: LockKey): FakeLock {
    return new FakeLock(this.state, key, this.executionId, this.clock, this.calls);
  }
}
