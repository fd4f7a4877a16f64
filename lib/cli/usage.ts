/** A problem with how the command was called: exit 2 with one line, no stack trace. */
export class UsageError extends Error {
  readonly code = 'USAGE';
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const HELP = `claimcheck: pre-submission validator for X12 837P (005010X222A1) claim files

Usage:
  claimcheck validate <file...> --out <dir> [options]

Writes, for each input <name>, into <dir>:
  <name>.999          implementation acknowledgment (005010X231A1)
  <name>.ta1          interchange acknowledgment, when one is due
  <name>.report.json  findings per claim (schema: schemas/report.schema.json)

Options:
  --out, -o <dir>           output folder (created when missing)
  --as-of <YYYY-MM-DD>      the day date rules treat as today (default: today)
  --format text|json        summary printed on stdout (default: text)
  --now <ISO date-time>     date and time written in acknowledgments (default: now)
  --control-number <n>      first ISA13/GS06 of the acknowledgments (default: from the clock)

Exit codes: 0 every file and claim accepted, 1 something was rejected, 2 could not run.
`;
