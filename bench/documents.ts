/**
 * Issue 15's document figures: what a QBR and a plan cost in Docs API calls (create and one
 * batchUpdate per document: a QBR is two, the customer's and the prep brief), the size of the
 * batches, and the time through the local runtime, for a book's own account and for one with
 * 200 goals (the goal table grows; the calls do not).
 */
import { generateBook } from '../dev/demo-book';
import { createSpreadsheet, loadBundle } from '../dev/runtime';
import { median } from './timing';

export interface DocumentFigure {
  readonly label: string;
  /** Documents one call of the endpoint creates. */
  readonly documents: number;
  readonly docsCalls: number;
  readonly requests: number;
  readonly batchKiB: number;
  readonly ms: number;
}

export const DOCUMENT_RUNS = 5;

export function benchDocuments(today: Date): DocumentFigure[] {
  const book = generateBook({ accounts: 20, seed: 7, today, messy: false });
  const goalsColumn = book.headers.indexOf('Goals defined');
  const cases: [string, string, unknown, number | undefined][] = [
    [
      'QBR and prep brief, 60-minute agenda',
      'generateQbr',
      { row: 2, quarter: 'Q4 2025', agenda: 'qbr-60' },
      undefined,
    ],
    [
      'QBR and prep brief, 60-minute agenda, 200 goals',
      'generateQbr',
      { row: 2, quarter: 'Q4 2025', agenda: 'qbr-60' },
      200,
    ],
    ['Save plan', 'generatePlan', { row: 2, kind: 'save-plan' }, undefined],
    ['Success plan', 'generatePlan', { row: 2, kind: 'success-plan' }, undefined],
    ['Onboarding plan', 'generatePlan', { row: 2, kind: 'onboarding-plan' }, undefined],
  ];
  return cases.map(([label, endpoint, request, goals]) => {
    const rows = book.rows.map((row) => [...row]);
    if (goals !== undefined && goalsColumn >= 0) (rows[0] as unknown[])[goalsColumn] = goals;
    const runtime = loadBundle({
      now: today,
      timeZone: 'UTC',
      spreadsheet: createSpreadsheet({ Accounts: [book.headers, ...rows] }, { timeZone: 'UTC' }),
    });
    runtime.call(endpoint, request); // warm-up
    const times: number[] = [];
    let docsCalls = 0;
    let documents = 0;
    for (let i = 0; i < DOCUMENT_RUNS; i++) {
      runtime.calls.reset();
      const before = runtime.documents.all().length;
      const start = performance.now();
      runtime.call(endpoint, request);
      times.push(performance.now() - start);
      docsCalls = runtime.calls.total('Docs');
      documents = runtime.documents.all().length - before;
    }
    const batches = runtime.documents
      .all()
      .slice(-documents)
      .map((document) => document.batches[0] ?? []);
    return {
      label,
      documents,
      docsCalls,
      requests: batches.reduce((sum, batch) => sum + batch.length, 0),
      batchKiB: batches.reduce(
        (sum, batch) => sum + Buffer.byteLength(JSON.stringify({ requests: batch })) / 1024,
        0,
      ),
      ms: median(times),
    };
  });
}
