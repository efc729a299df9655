/**
 * Return on investment from the book's outcome columns, as the office skill's worked example
 * computes it: hours saved per month x 12 x hourly rate is the annual value; divided by the annual
 * investment it is the ROI multiple (350 h x $50 x 12 = $210,000 against $60,000 = 3.5x).
 */
import type { SignalValues } from './rubrics';

export type Roi =
  | {
      readonly ok: true;
      readonly hoursPerMonth: number;
      readonly hourlyRate: number;
      readonly annualInvestment: number;
      /** hoursPerMonth x hourlyRate. */
      readonly monthlyValue: number;
      /** monthlyValue x 12. */
      readonly annualValue: number;
      /** annualValue / annualInvestment, unrounded. */
      readonly multiple: number;
    }
  | {
      readonly ok: false;
      /** The book's columns that are blank or missing, in the user's words. */
      readonly missing: readonly string[];
      readonly message: string;
    };

const ROI_COLUMNS = ['Hours saved per month', 'Hourly rate', 'Annual investment'] as const;

export function computeRoi(values: SignalValues): Roi {
  const { hoursSavedPerMonth, hourlyRate, annualInvestment } = values;
  const missing: string[] = [];
  if (hoursSavedPerMonth === undefined) missing.push(ROI_COLUMNS[0]);
  if (hourlyRate === undefined) missing.push(ROI_COLUMNS[1]);
  // Less than a dollar a year is no investment to divide by: the multiple would be absurd, or
  // Infinity (5e-324 is a positive number).
  if (annualInvestment === undefined || !(annualInvestment >= 1)) missing.push(ROI_COLUMNS[2]);
  if (
    missing.length > 0 ||
    hoursSavedPerMonth === undefined ||
    hourlyRate === undefined ||
    annualInvestment === undefined
  ) {
    return {
      ok: false,
      missing,
      message: `No quantified ROI: fill in ${missing.join(', ')} for this account: never present a QBR without a quantified ROI number.`,
    };
  }
  const monthlyValue = hoursSavedPerMonth * hourlyRate;
  const annualValue = monthlyValue * 12;
  return {
    ok: true,
    hoursPerMonth: hoursSavedPerMonth,
    hourlyRate,
    annualInvestment,
    monthlyValue,
    annualValue,
    multiple: annualValue / annualInvestment,
  };
}

/** "3.5x": one decimal, halves up. */
export function formatMultiple(multiple: number): string {
  return `${(Math.round(multiple * 10 + 1e-9) / 10).toFixed(1)}x`;
}

/** "$210,000": whole dollars with thousands separators (no locale data needed). */
export function formatMoney(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const whole = Math.round(Math.abs(amount)).toString();
  return `${sign}$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

/**
 * ROI is a win only at 1x or more: below it the value counted is less than what the customer
 * pays, and a QBR that calls it a win invites the question it cannot answer. Judged on the
 * unrounded multiple, so 0.96 (shown "1.0x") is still below.
 */
export function roiIsWin(roi: Roi): boolean {
  return roi.ok && roi.multiple >= 1;
}

/** What the CSM is told when the ROI is below 1x; undefined when it is not. */
export function roiReview(roi: Roi): string | undefined {
  if (!roi.ok || roiIsWin(roi)) return undefined;
  return `ROI ${formatMultiple(roi.multiple)}: the value counted, ${formatMoney(roi.annualValue)} a year, is less than the annual investment of ${formatMoney(roi.annualInvestment)}. Review the value case before the QBR: add the value the hours saved leave out, or present the plan to reach 1x; it is not a win.`;
}
