/**
 * The health model as one SQL query: for every row of a table, what HEALTHSCORE, HEALTHTIER
 * and HEALTHDRIVERS give for that row of a book. Generated from the model itself (its
 * dimensions, weights, recipes and tiers), the rubrics' definitions, the signal dictionary
 * and the add-on's own wording, so nothing of the model is written a second time.
 *
 * Input: a table whose columns are named like a book's headers (as the sheet spells them, or
 * in snake case such as dau_mau), recognised exactly as the add-on recognises headers. Every
 * cell is read through its text, as the add-on reads text typed in a cell.
 *
 * Output: the table's own columns, then health_score (the score; NULL when the row has none),
 * health_tier and health_drivers (what HEALTHTIER of the score and HEALTHDRIVERS show: the
 * error text on an error row, "" on a blank row) and health_error (the error text, or NULL).
 */
import { planRead, readLayout } from '../book';
import { type DayNumber, isoDay } from '../dates';
import type { DimensionId } from '../dimensions';
import {
  DRIVERS_TEXT,
  MAX_PASSED_MESSAGE,
  PROBLEMS_BETWEEN,
  ROUNDING_NOISE,
  columnsNeededBy,
  driverLine,
  noHealthDataMessage,
  notAScoreMessage,
  usesAnyColumn,
} from '../health';
import { ArgumentError, type HealthModel, signalsUsedBy } from '../models';
import type { Rubric } from '../rubrics';
import { type CellRule, type SignalId, signalById } from '../signals';
import { isBlankCell, quoted, readColumn } from './cells';
import { type DialectName, dialectNamed } from './dialect';
import { Query, STAGE, caseWhen, concat, fromTemplate } from './query';
import { type RubricContext, rubricSql } from './rubrics';

export interface HealthSqlOptions {
  readonly dialect: DialectName;
  /** The table to read: "project.dataset.accounts" in BigQuery. */
  readonly table: string;
  /**
   * Every column of the table, named like a book's headers; the first that names a signal
   * wins, as in a book. Default: the model's signals, named in snake case (defaultColumns).
   * A row is blank, as in a book, when all of these columns are.
   */
  readonly columns?: readonly string[];
  /**
   * What each of `columns` holds, same order, when the names alone do not say it: the header
   * row with the user's column mapping applied (the Columns sheet). Default: the names.
   */
  readonly labels?: readonly string[];
  /** The day to count from; default: the current date in `timeZone`. */
  readonly today?: DayNumber;
  /** The spreadsheet's time zone (IANA), for the current date and date-times; default UTC. */
  readonly timeZone?: string;
  /** Write CREATE OR REPLACE VIEW with this name around the query. */
  readonly view?: string;
}

/** The result columns, after the table's own. */
export const HEALTH_COLUMNS = {
  score: 'health_score',
  tier: 'health_tier',
  drivers: 'health_drivers',
  error: 'health_error',
} as const;

/** A signal's header in snake case ("DAU/MAU" is dau_mau), which the add-on recognises too. */
export function snakeCase(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The column names the query expects when none are given: the model's signals in snake case. */
export function defaultColumns(model: HealthModel): string[] {
  return [...signalsUsedBy(model)].map((id) => snakeCase(signalById(id).label));
}

/** An SQL NULL of the type a rule reads to, for a signal the table has no column for. */
function typedNull(rule: CellRule, float: string, text: string): string {
  switch (rule.kind) {
    case 'flag':
    case 'presence':
      return 'CAST(NULL AS BOOL)';
    case 'day':
      return 'CAST(NULL AS DATE)';
    case 'text':
    case 'category':
      return `CAST(NULL AS ${text})`;
    default:
      return `CAST(NULL AS ${float})`;
  }
}

/** One line, for the comment at the top of the query. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

export function healthModelSql(model: HealthModel, options: HealthSqlOptions): string {
  const d = dialectNamed(options.dialect);
  const timeZone = options.timeZone ?? 'UTC';
  const named = options.columns ?? defaultColumns(model);
  const pairs = named
    .map((name, i) => ({ name, label: options.labels?.[i] ?? name }))
    .filter(({ name }, i) => name.trim() !== '' && named.indexOf(name) === i);
  const columns = pairs.map(({ name }) => name);
  const layout = readLayout(pairs.map(({ label }) => label));
  if (!usesAnyColumn(layout, model)) {
    throw new ArgumentError(
      `none of the columns names health data the ${model.name} model can use. Expected columns such as DAU/MAU (or dau_mau), Seats active, Last login, Champion, Goals achieved or Payment status.`,
    );
  }
  const plan = planRead(layout, columnsNeededBy(model), { timeZone });
  const q = new Query(d);

  // The cells, in the order the add-on reports their problems: sub-scores, then signals.
  const problems: string[] = [];
  const texts = new Map<string, string>();
  const subScores = new Map<DimensionId, string>();
  for (const column of plan.subScores) {
    const read = readColumn(
      q,
      {
        key: `dim_${snakeCase(column.key.replace(/[A-Z]/g, (c) => `_${c}`))}`,
        column: d.column(columns[column.index] as string),
        rule: { kind: 'subScore' },
        header: column.header,
        expected: 'a score 0-100',
      },
      timeZone,
    );
    subScores.set(column.key, read.value);
    texts.set(columns[column.index] as string, read.text);
    problems.push(read.problem);
  }
  const values = new Map<SignalId, string>();
  for (const column of plan.signals) {
    const signal = column.key;
    const read = readColumn(
      q,
      {
        key: snakeCase(signal.id.replace(/[A-Z]/g, (c) => `_${c}`)),
        column: d.column(columns[column.index] as string),
        rule: signal.rule,
        header: column.header,
        expected: signal.expected,
      },
      timeZone,
    );
    values.set(signal.id, read.value);
    texts.set(columns[column.index] as string, read.text);
    problems.push(read.problem);
  }
  // The columns read already have their text; the others are tested only when those are
  // all blank (the engine stops an AND at the first false, and few rows get that far).
  const blankTests = [
    ...columns.flatMap((name) => {
      const read = texts.get(name);
      return read === undefined ? [] : [`${read} IS NULL`];
    }),
    ...columns.filter((name) => !texts.has(name)).map((name) => isBlankCell(d, d.column(name))),
  ];
  const blank = q.add(STAGE.parse, 'blank', `(${blankTests.join(' AND ')})`);

  // The rubrics, once each, and the dimensions: a typed sub-score, or the mean of the
  // recipe's rubrics that have data.
  const today =
    options.today === undefined ? d.currentDate(timeZone) : d.date(isoDay(options.today));
  const context: RubricContext = {
    dialect: d,
    value: (id) => values.get(id) ?? typedNull(signalById(id).rule, d.float, d.text),
    quantity: (name, expression) =>
      q.has(`q_${name}`)
        ? q.internal(`q_${name}`)
        : q.add(STAGE.quantity, `q_${name}`, expression()),
    today,
  };
  const rubricColumns = new Map<Rubric, string>();
  const rubricColumn = (rubric: Rubric) => {
    let column = rubricColumns.get(rubric);
    if (!column) {
      column = q.add(STAGE.rubric, `r${rubricColumns.size + 1}`, rubricSql(rubric)(context));
      rubricColumns.set(rubric, column);
    }
    return column;
  };
  const n = (x: number) => d.number(x);
  const dimensions = model.dimensions.map((dimension, index) => {
    const steps = dimension.recipe.map((step) => rubricColumn(step.rubric));
    const sum = steps.map((step) => `COALESCE(${step}, ${n(0)})`).join(' + ');
    const count = steps.map((step) => `(CASE WHEN ${step} IS NULL THEN 0 ELSE 1 END)`).join(' + ');
    const mean = steps.length === 0 ? 'NULL' : `((${sum}) / NULLIF(${count}, 0))`;
    const typed = subScores.get(dimension.id);
    const score = q.add(
      STAGE.dimension,
      `d${index + 1}`,
      typed === undefined ? mean : `COALESCE(${typed}, ${mean})`,
    );
    return { ...dimension, score };
  });

  // The composite: weights shared among the dimensions that have data.
  const counted = dimensions.filter((dimension) => dimension.weight > 0);
  const total = q.add(
    STAGE.composite,
    'total',
    counted.length === 0
      ? n(0)
      : counted
          .map((dm) => `(CASE WHEN ${dm.score} IS NULL THEN ${n(0)} ELSE ${n(dm.weight)} END)`)
          .join(' + '),
  );
  const weighted = q.add(
    STAGE.composite,
    'weighted',
    counted.length === 0
      ? n(0)
      : counted
          .map(
            (dm) =>
              `(CASE WHEN ${dm.score} IS NULL THEN ${n(0)} ELSE ${n(dm.weight)} * ${dm.score} END)`,
          )
          .join(' + '),
  );
  const mean = `(${weighted} / NULLIF(${total}, 0))`;
  const exact = caseWhen(
    [
      [`${mean} > 100`, n(100)],
      [`${mean} < 0`, n(0)],
    ],
    mean,
  );
  const roundHalfUp = (x: string) => `FLOOR(${x} + ${n(0.5)} + ${n(ROUNDING_NOISE)})`;
  const score = q.add(STAGE.driver, 'score', roundHalfUp(exact));
  const separator = d.string(PROBLEMS_BETWEEN);
  const problemList = q.add(
    STAGE.composite,
    'problems',
    concat(["''", ...problems.map((p) => `COALESCE(${separator} || ${p}, '')`)]),
  );
  const errorColumn = q.add(
    STAGE.driver,
    'error',
    caseWhen([
      [blank, 'NULL'],
      [`${problemList} <> ''`, `SUBSTR(${problemList}, ${PROBLEMS_BETWEEN.length + 1})`],
      [`${total} = 0`, d.string(noHealthDataMessage(model))],
    ]),
  );

  // The drivers: points lost by each dimension, worst first (ties in the model's order).
  const drivers = counted.map((dm, index) => {
    const lost = q.add(
      STAGE.driver,
      `lost${index + 1}`,
      `((${n(dm.weight)} / NULLIF(${total}, 0)) * (${n(100)} - ${dm.score}))`,
    );
    const shownRaw = `CEIL(${lost} - ${n(0.5)} - ${n(ROUNDING_NOISE)})`;
    const shown = q.add(
      STAGE.driver,
      `shown${index + 1}`,
      `(CASE WHEN ${shownRaw} < 0 THEN ${n(0)} ELSE ${shownRaw} END)`,
    );
    return { ...dm, lost, shown, shows: `COALESCE(${shown} > 0, FALSE)` };
  });
  const asInteger = (x: string) => `CAST(CAST(${x} AS ${d.int}) AS ${d.text})`;
  const lines = drivers.map((dm, i) => {
    // Ahead of this one: the drivers that lose more, and those that lose as much and come
    // earlier in the model (the add-on's sort is stable).
    const ahead = drivers.flatMap((other, j) =>
      j === i
        ? []
        : [
            `(CASE WHEN ${other.shows} AND (${other.lost} > ${dm.lost}${
              j < i ? ` OR ${other.lost} = ${dm.lost}` : ''
            }) THEN 1 ELSE 0 END)`,
          ],
    );
    const rank = q.add(STAGE.rank, `rank${i + 1}`, ahead.length === 0 ? '0' : ahead.join(' + '));
    const line = q.add(
      STAGE.rank,
      `line${i + 1}`,
      fromTemplate(
        d,
        (label, points, lostPoints) => driverLine(label ?? '', points ?? '', lostPoints ?? ''),
        [d.string(dm.label), asInteger(roundHalfUp(dm.score)), asInteger(dm.shown)],
      ),
    );
    return { rank, line, shows: dm.shows };
  });
  const at = (position: number) =>
    caseWhen(lines.map((l) => [`${l.shows} AND ${l.rank} = ${position}`, l.line] as const));
  const shownLines = Array.from({ length: Math.min(DRIVERS_TEXT.shown, lines.length) }, (_, p) =>
    at(p),
  );
  const between = d.string(DRIVERS_TEXT.between);
  const driverList =
    shownLines.length === 0
      ? 'NULL'
      : concat([
          shownLines[0] as string,
          ...shownLines.slice(1).map((line) => `COALESCE(${between} || ${line}, '')`),
        ]);
  const missing = concat([
    "''",
    ...dimensions.map(
      (dm) =>
        `(CASE WHEN ${dm.score} IS NULL THEN ${d.string(DRIVERS_TEXT.missingBetween + dm.label)} ELSE '' END)`,
    ),
  ]);
  const driversText = concat([
    `COALESCE(${driverList}, ${d.string(DRIVERS_TEXT.none)})`,
    `(CASE WHEN ${missing} = '' THEN '' ELSE ${d.string(DRIVERS_TEXT.partsBetween + DRIVERS_TEXT.noData)} || SUBSTR(${missing}, ${DRIVERS_TEXT.missingBetween.length + 1}) END)`,
  ]);

  const tier = caseWhen(
    model.tiers.map((t) => [`${score} >= ${n(t.min)}`, d.string(t.label)] as const),
    d.string(model.tiers[model.tiers.length - 1]?.label ?? ''),
  );
  const shown = (text: string, error: string) =>
    caseWhen(
      [
        [blank, "''"],
        [`${errorColumn} IS NOT NULL`, error],
      ],
      text,
    );
  // HEALTHTIER passes an error text through, unless it is too long to be a message.
  const tierOfError = caseWhen(
    [[`LENGTH(${errorColumn}) <= ${MAX_PASSED_MESSAGE}`, errorColumn]],
    fromTemplate(d, (found = '') => notAScoreMessage(`'${found}'`), [quoted(errorColumn)]),
  );
  const query = q.render(d.table(options.table), [
    [
      HEALTH_COLUMNS.score,
      `(CASE WHEN ${blank} OR ${errorColumn} IS NOT NULL THEN NULL ELSE CAST(${score} AS ${d.int}) END)`,
    ],
    [HEALTH_COLUMNS.tier, shown(tier, tierOfError)],
    [HEALTH_COLUMNS.drivers, shown(driversText, errorColumn)],
    [HEALTH_COLUMNS.error, errorColumn],
  ]);
  const weights = model.dimensions.map((dm) => `${dm.label} ${dm.weight}`).join(', ');
  const header = [
    `-- CS Engine health model "${oneLine(model.name)}" (${oneLine(weights)}), ${d.name === 'bigquery' ? 'BigQuery Standard SQL' : 'DuckDB'}.`,
    '-- Generated by `npm run sql`; regenerate rather than edit: it follows the add-on exactly.',
  ].join('\n');
  return `${header}\n${options.view === undefined ? query : d.view(options.view, query)};\n`;
}
