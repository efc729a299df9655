/**
 * Runs a dev script as a user would (through tsx or npm, no terminal, no standard input) and
 * checks that a mistake is said in one line. The child gets no npm_* variables from the npm
 * that runs jest: what npm prints must depend on the command under test alone.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { USAGE_EXIT_CODE } from '../../dev/cli-args';

export const ROOT = path.resolve(__dirname, '../..');
export const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

export interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function cleanEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(
    ([name]) => !name.toLowerCase().startsWith('npm_') && name !== 'PORT',
  );
  return { ...Object.fromEntries(inherited), NO_COLOR: '1', ...env };
}

export function run(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<Finished> {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: cleanEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A dev script through tsx, as its npm script runs it. */
export function runScript(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<Finished> {
  return run(TSX, [script, ...args], env);
}

/** The one line a usage error prints (no stack), and its exit code. */
export function expectUsageError(finished: Finished, line: string): void {
  expect(finished.stderr).toBe(`${line}\n`);
  expect(finished.code).toBe(USAGE_EXIT_CODE);
}
