/** What a custom function knows of its surroundings, handed in by src/index.ts. */
export interface FunctionContext {
  readonly now: Date;
  /** The spreadsheet's time zone (IANA name). */
  readonly timeZone: string;
}
