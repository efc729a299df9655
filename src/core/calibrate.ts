/**
 * Calibrating a health model's weights against renewal outcomes.
 *
 * The model: P(renewed) = logistic(b + sum_j w_j x_j), where x_j is dimension j's 0-100
 * sub-score divided by 100 and centred, and every w_j >= 0 (a dimension can only push a score
 * up when it is better). The fit minimises the mean log-loss plus (lambda / 2) sum_j w_j^2
 * (L2 regularisation, the intercept left free), by Newton steps whose quadratic model is
 * solved by coordinate descent with clipping at 0, each step followed by a backtracking line
 * search, so the objective never increases.
 *
 * lambda is chosen by stratified k-fold cross-validation on the held-out log-loss, the folds
 * drawn from a seeded generator: the same data always gives the same weights. The weights,
 * all on the same 0-100 scale, are then rescaled to sum to 100, which is exactly what a
 * health score (a weighted mean of sub-scores) needs.
 *
 * A dimension missing from a row is imputed with that dimension's mean. HEALTHSCORE instead
 * shares a missing dimension's weight among the present ones; for a row missing dimension j
 * that is the same as imputing j with the weighted mean of the row's other sub-scores, so the
 * two agree exactly on complete rows and approximately otherwise.
 */
import { auc } from './backtest';
import { seededRandom, shuffle } from './random';

export interface CalibrationOptions {
  /** Candidate regularisation strengths (default LAMBDAS). */
  readonly lambdas?: readonly number[];
  /** Number of folds (default 5, fewer when a class has fewer accounts). */
  readonly folds?: number;
  /** Seed of the fold assignment (default 7). */
  readonly seed?: number;
}

export interface CalibrationResult {
  /** One weight per dimension, >= 0, summing to 100 (all 0 when no dimension helps). */
  readonly weights: readonly number[];
  /** The chosen regularisation strength. */
  readonly lambda: number;
  readonly folds: number;
  /** AUC of the out-of-fold health scores computed with the fitted weights. */
  readonly cvAuc: number;
}

/** From strong to weak regularisation; the path is fitted in this order with warm starts. */
const LAMBDAS: readonly number[] = [1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001, 0.0001];

/** The data of a fit: n rows of d centred features (row-major) and 0/1 outcomes. */
interface Design {
  readonly n: number;
  readonly d: number;
  readonly x: Float64Array;
  readonly y: Uint8Array;
}

/**
 * One pass over `rows` at `beta` (= [intercept, w_1 .. w_d]): returns the objective (mean
 * log-loss + lambda/2 |w|^2) and, when `gram` and `rhs` are given, fills them with the
 * quadratic model of the log-loss at beta (the Newton / IRLS normal equations, with the
 * penalty on the diagonal): minimise 1/2 b'Gb - r'b.
 */
function pass(
  data: Design,
  rows: Int32Array,
  beta: Float64Array,
  lambda: number,
  gram?: Float64Array,
  rhs?: Float64Array,
): number {
  const { d, x, y } = data;
  const p = d + 1;
  if (gram && rhs) {
    gram.fill(0);
    rhs.fill(0);
  }
  let loss = 0;
  const intercept = beta[0] as number;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r] as number;
    const offset = i * d;
    let eta = intercept;
    for (let j = 0; j < d; j++) eta += (beta[j + 1] as number) * (x[offset + j] as number);
    // log(1 + e^eta) and the logistic of eta from a single exponential, without overflow.
    const e = Math.exp(-Math.abs(eta));
    const outcome = y[i] as number;
    loss += (eta > 0 ? eta : 0) + Math.log1p(e) - outcome * eta;
    if (!gram || !rhs) continue;
    const prob = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
    const weight = Math.max(prob * (1 - prob), 1e-6);
    const working = weight * eta + (outcome - prob);
    // Row a of the Gram matrix, upper triangle; a = 0 is the intercept (feature 1).
    rhs[0] = (rhs[0] as number) + working;
    gram[0] = (gram[0] as number) + weight;
    for (let a = 1; a < p; a++) {
      const wa = weight * (x[offset + a - 1] as number);
      gram[a] = (gram[a] as number) + wa;
      rhs[a] = (rhs[a] as number) + working * (x[offset + a - 1] as number);
      const row = a * p;
      for (let b = a; b < p; b++)
        gram[row + b] = (gram[row + b] as number) + wa * (x[offset + b - 1] as number);
    }
  }
  const m = rows.length;
  let penalty = 0;
  for (let j = 1; j <= d; j++) penalty += (beta[j] as number) ** 2;
  if (gram && rhs) {
    for (let a = 0; a < p; a++) {
      rhs[a] = (rhs[a] as number) / m;
      for (let b = a; b < p; b++) {
        const value = (gram[a * p + b] as number) / m + (a === b && a > 0 ? lambda : 0);
        gram[a * p + b] = value;
        gram[b * p + a] = value;
      }
    }
  }
  return loss / m + (lambda / 2) * penalty;
}

/** The mean log-loss and penalty at beta. */
function objective(data: Design, rows: Int32Array, beta: Float64Array, lambda: number): number {
  return pass(data, rows, beta, lambda);
}

/** Minimises 1/2 b'Gb - r'b by coordinate descent, weights (not the intercept) clipped at 0. */
function solveNonNegative(
  gram: Float64Array,
  rhs: Float64Array,
  start: Float64Array,
): Float64Array {
  const p = rhs.length;
  const target = Float64Array.from(start);
  for (let sweep = 0; sweep < 500; sweep++) {
    let change = 0;
    for (let a = 0; a < p; a++) {
      const diagonal = gram[a * p + a] as number;
      if (diagonal <= 0) continue;
      let residual = rhs[a] as number;
      for (let b = 0; b < p; b++) {
        if (b !== a) residual -= (gram[a * p + b] as number) * (target[b] as number);
      }
      let value = residual / diagonal;
      if (a > 0 && value < 0) value = 0;
      change = Math.max(change, Math.abs(value - (target[a] as number)));
      target[a] = value;
    }
    if (change < 1e-12) break;
  }
  return target;
}

/**
 * Fits beta on `rows` for `lambda`, starting from `start` (a warm start along the path):
 * Newton steps on the non-negative quadratic model, each checked by a backtracking line
 * search, so the objective never increases. The pass that evaluates a candidate also builds
 * the next quadratic model.
 */
function fit(
  data: Design,
  rows: Int32Array,
  lambda: number,
  start: Float64Array,
  maxSteps = 50,
): Float64Array {
  const p = data.d + 1;
  let beta: Float64Array<ArrayBufferLike> = Float64Array.from(start);
  let gram = new Float64Array(p * p);
  let rhs = new Float64Array(p);
  let nextGram = new Float64Array(p * p);
  let nextRhs = new Float64Array(p);
  let current = pass(data, rows, beta, lambda, gram, rhs);
  for (let step = 0; step < maxSteps; step++) {
    const target = solveNonNegative(gram, rhs, beta);
    let accepted: Float64Array | undefined;
    let value = current;
    let t = 1;
    for (let halvings = 0; halvings < 30 && !accepted; halvings++, t /= 2) {
      const candidate = new Float64Array(p);
      for (let a = 0; a < p; a++) {
        candidate[a] = (beta[a] as number) + t * ((target[a] as number) - (beta[a] as number));
      }
      value = pass(data, rows, candidate, lambda, nextGram, nextRhs);
      if (value <= current) accepted = candidate;
    }
    if (!accepted) break;
    [gram, nextGram] = [nextGram, gram];
    [rhs, nextRhs] = [nextRhs, rhs];
    const improvement = current - value;
    beta = accepted;
    current = value;
    if (improvement <= 1e-9 * (1 + Math.abs(current))) break;
  }
  return beta;
}

/**
 * The health score a row gets from `weights` (on the 0-100 sub-scores), the HEALTHSCORE way:
 * the weighted mean of the dimensions present. A row whose present dimensions all weigh 0
 * falls back to the imputed sub-scores.
 */
function healthScoreOf(
  raw: readonly (number | undefined)[],
  imputed: readonly number[],
  weights: ArrayLike<number>,
): number {
  let weighted = 0;
  let total = 0;
  raw.forEach((score, j) => {
    const weight = weights[j] as number;
    if (score === undefined || weight <= 0) return;
    weighted += weight * score;
    total += weight;
  });
  if (total > 0) return weighted / total;
  imputed.forEach((mean, j) => {
    const weight = weights[j] as number;
    weighted += weight * (raw[j] ?? mean);
    total += weight;
  });
  return total > 0 ? weighted / total : 50;
}

/** Stratified folds: each class shuffled with the seeded generator, dealt out in turn. */
function foldsOf(y: readonly number[], k: number, seed: number): Int32Array {
  const random = seededRandom(seed);
  const fold = new Int32Array(y.length);
  for (const cls of [0, 1]) {
    const members = y.flatMap((value, i) => (value === cls ? [i] : []));
    shuffle(members, random).forEach((i, position) => {
      fold[i] = position % k;
    });
  }
  return fold;
}

/** The mean of each dimension over the rows that have it (50 when no row has it). */
function dimensionMeans(rows: readonly (readonly (number | undefined)[])[], d: number): number[] {
  const sums = new Array<number>(d).fill(0);
  const counts = new Array<number>(d).fill(0);
  for (const row of rows) {
    for (let j = 0; j < d; j++) {
      const value = row[j];
      if (value !== undefined) {
        sums[j] = (sums[j] as number) + value;
        counts[j] = (counts[j] as number) + 1;
      }
    }
  }
  return sums.map((sum, j) => ((counts[j] as number) > 0 ? sum / (counts[j] as number) : 50));
}

/**
 * Fits non-negative dimension weights to the outcomes (1 = renewed, 0 = churned).
 * `subScores[i][j]` is row i's 0-100 sub-score of dimension j, undefined when missing.
 * Needs at least 2 renewed and 2 churned rows; returns undefined otherwise.
 */
export function calibrateWeights(
  subScores: readonly (readonly (number | undefined)[])[],
  outcomes: readonly number[],
  d: number,
  options: CalibrationOptions = {},
): CalibrationResult | undefined {
  const n = subScores.length;
  const renewed = outcomes.filter((value) => value === 1).length;
  const churned = n - renewed;
  if (renewed < 2 || churned < 2 || d === 0) return undefined;
  const lambdas = options.lambdas ?? LAMBDAS;
  const k = Math.max(2, Math.min(options.folds ?? 5, renewed, churned));
  const means = dimensionMeans(subScores, d);
  const x = new Float64Array(n * d);
  subScores.forEach((row, i) => {
    for (let j = 0; j < d; j++)
      x[i * d + j] = ((row[j] ?? (means[j] as number)) - (means[j] as number)) / 100;
  });
  const data: Design = { n, d, x, y: Uint8Array.from(outcomes) };
  const fold = foldsOf(outcomes, k, options.seed ?? 7);
  const foldList = Array.from(fold);
  const prior = Math.log(renewed / churned);

  // Cross-validation: held-out log-loss per lambda, and the held-out health scores.
  const heldOutLoss = new Float64Array(lambdas.length);
  const heldOutScores = lambdas.map(() => new Float64Array(n));
  for (let f = 0; f < k; f++) {
    const train = Int32Array.from(foldList.flatMap((value, i) => (value === f ? [] : [i])));
    const test = Int32Array.from(foldList.flatMap((value, i) => (value === f ? [i] : [])));
    let beta: Float64Array<ArrayBufferLike> = new Float64Array(d + 1);
    beta[0] = prior;
    lambdas.forEach((lambda, l) => {
      beta = fit(data, train, lambda, beta);
      heldOutLoss[l] = (heldOutLoss[l] as number) + objective(data, test, beta, 0) * test.length;
      const weights = beta.subarray(1);
      for (const i of test) {
        (heldOutScores[l] as Float64Array)[i] = healthScoreOf(
          subScores[i] as (number | undefined)[],
          means,
          weights,
        );
      }
    });
  }
  let best = 0;
  heldOutLoss.forEach((loss, l) => {
    if (loss < (heldOutLoss[best] as number) - 1e-12) best = l;
  });

  // The final fit on every row, along the path down to the chosen lambda.
  const all = Int32Array.from({ length: n }, (_, i) => i);
  let beta: Float64Array<ArrayBufferLike> = new Float64Array(d + 1);
  beta[0] = prior;
  for (let l = 0; l <= best; l++) beta = fit(data, all, lambdas[l] as number, beta);
  const raw = Array.from(beta.subarray(1), (w) => Math.max(0, w));
  const total = raw.reduce((sum, w) => sum + w, 0);
  return {
    weights: raw.map((w) => (total > 0 ? (100 * w) / total : 0)),
    lambda: lambdas[best] as number,
    folds: k,
    cvAuc: auc(heldOutScores[best] as Float64Array, outcomes) ?? 0.5,
  };
}

/**
 * Rounds `values` (which sum to `total`) to multiples of `step` that still sum to `total`,
 * by the largest remainder; ties go to the earlier value.
 */
export function roundToTotal(values: readonly number[], total = 100, step = 0.1): number[] {
  const units = Math.round(total / step);
  const sum = values.reduce((a, b) => a + b, 0);
  if (sum <= 0) return values.map(() => 0);
  const exact = values.map((value) => (value / sum) * units);
  const floors = exact.map((value) => Math.floor(value + 1e-9));
  let missing = units - floors.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, i) => ({ i, remainder: value - (floors[i] as number) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i] = (floors[i] as number) + 1;
    missing--;
  }
  return floors.map((unitsOf) => Math.round(unitsOf * step * 1e6) / 1e6);
}
