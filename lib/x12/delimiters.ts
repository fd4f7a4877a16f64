/**
 * The four X12 delimiters of one interchange. They are read from the fixed-width ISA of each
 * interchange (never assumed), so two interchanges in one file may use different ones.
 */
export interface Delimiters {
  /** ISA offset 3. */
  readonly element: string;
  /** ISA16, offset 104. */
  readonly component: string;
  /** ISA11, offset 82; null before version 00402, where ISA11 is the "U" standards id. */
  readonly repetition: string | null;
  /** ISA offset 105. */
  readonly segment: string;
}

/** The delimiters used in examples and in our own output when the input gives none. */
export const DEFAULT_DELIMITERS: Delimiters = { element: '*', component: ':', repetition: '^', segment: '~' };
