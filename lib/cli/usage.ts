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
  claimcheck put <file> [--endpoint <url>] [--bucket <name>] [--key <key>]
  claimcheck seed-codes --table <name> [--dynamodb-endpoint <url>] [--create]

Writes, for each input <name>, into <dir>:
  <name>.999            implementation acknowledgment (005010X231A1)
  <name>.ta1            interchange acknowledgment, when one is due
  <name>.277ca          claim acknowledgment (005010X214), when a set passed the 999
  <name>.corrected.837  accepted claims (with safe fixes), re-enveloped
  <name>.rejected.837   rejected claims exactly as sent, re-enveloped
  <name>.report.html    the page for the billing team
  <name>.report.json    findings per claim (schema: schemas/report.schema.json)

Options:
  --out, -o <dir>           output folder (created when missing)
  --as-of <YYYY-MM-DD>      the day date rules treat as today (default: today)
  --format text|json        summary printed on stdout (default: text)
  --now <ISO date-time>     date and time written in acknowledgments (default: now)
  --control-number <n>      first ISA13/GS06 of the acknowledgments (default: from the clock)
  --profile medicare|commercial  judge every claim by this payer profile (default: from SBR09)
  --ledger <path>           frequency ledger file (default: .claimcheck/ledger)
  --no-ledger               keep no history (frequency still counts this batch)
  --icd10cm <file>          a CMS ICD-10-CM order file (icd10cm_order_<year>.txt) for that fiscal year
  --277ca-form tr3|pyx12    277CA as in the TR3 examples (default) or with the 2200C status and
                            2220D STC02 date that pyx12's map requires
  --dynamodb-endpoint <url> code tables and ledger in DynamoDB (real or emulated) instead of
                            codesets/ and the ledger file (the secret stays beside --ledger)
  --code-table <name>       with --dynamodb-endpoint (default: claimcheck-codes)
  --ledger-table <name>     with --dynamodb-endpoint (default: claimcheck-ledger)

put uploads a file to the bucket of \`npm start\` (default http://127.0.0.1:4568, bucket
claimcheck-local, key inbound/<name>), where it is validated on arrival.
seed-codes loads codesets/ into a DynamoDB code table (--create: create it when absent; no
--dynamodb-endpoint: AWS, with the default credentials).

Exit codes: 0 every file and claim accepted, 1 something was rejected, 2 could not run.
`;
