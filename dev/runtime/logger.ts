import { format } from 'node:util';
import type { CallCounter } from './calls';

export type LogLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

export interface LogEntry {
  level: LogLevel;
  message: string;
  /** "Logger" for Logger.log, "console" for console.* */
  source: 'Logger' | 'console';
}

/** Collects what the bundle logs; `lines` is the plain text of every entry, in order. */
export class LogCapture {
  readonly entries: LogEntry[] = [];
  readonly lines: string[] = [];

  constructor(private readonly echo = false) {}

  add(entry: LogEntry): void {
    this.entries.push(entry);
    this.lines.push(entry.message);
    if (this.echo) {
      const out = entry.level === 'warn' || entry.level === 'error' ? console.error : console.log;
      out(`[${entry.source}${entry.level === 'log' ? '' : ` ${entry.level}`}] ${entry.message}`);
    }
  }

  clear(): void {
    this.entries.length = 0;
    this.lines.length = 0;
  }
}

/** Logger.log(data) or Logger.log(format, ...values) with "%s"-style placeholders. */
export class FakeLogger implements GoogleAppsScript.Base.Logger {
  constructor(
    private readonly capture: LogCapture,
    private readonly calls: CallCounter,
  ) {}

  log(data: unknown, ...values: unknown[]): FakeLogger {
    this.calls.record('Logger.log');
    const message =
      values.length > 0 && typeof data === 'string' ? format(data, ...values) : toText(data);
    this.capture.add({ level: 'log', message, source: 'Logger' });
    return this;
  }

  getLog(): string {
    this.calls.record('Logger.getLog');
    return this.capture.entries
      .filter((e) => e.source === 'Logger')
      .map((e) => e.message)
      .join('\n');
  }

  clear(): void {
    this.calls.record('Logger.clear');
    this.capture.clear();
  }
}

function toText(data: unknown): string {
  return typeof data === 'string' ? data : format('%o', data);
}

/** The `console` the bundle sees: captured, not counted as a service call. */
export function createConsole(capture: LogCapture): Pick<Console, LogLevel> {
  const write =
    (level: LogLevel) =>
    (...args: unknown[]): void =>
      capture.add({ level, message: format(...args), source: 'console' });
  return {
    log: write('log'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    debug: write('debug'),
  };
}
