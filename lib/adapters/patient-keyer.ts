import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { PatientKeyer } from '../ports.ts';

/** Where the CLI keeps its keying secret unless told otherwise. */
export const DEFAULT_SECRET_PATH = '.claimcheck/secret';

const SECRET_BYTES = 32;

/**
 * HMAC-SHA-256(secret, payer id, member id, birth date) as lower-case hex (serverless-design
 * "race-free ledger": no PHI in ledger items). The values are trimmed and upper-cased, since
 * member ids are keyed in either case, and joined with the ASCII unit separator, which X12 data
 * cannot contain, so ("AB", "C") and ("A", "BC") never hash alike.
 */
export function createPatientKeyer(secret: Uint8Array): PatientKeyer {
  if (secret.length < SECRET_BYTES) throw new Error(`the patient-key secret must be at least ${SECRET_BYTES} bytes`);
  return (payerId, memberId, birthDate) =>
    createHmac('sha256', secret)
      .update([payerId, memberId, birthDate].map((v) => v.trim().toUpperCase()).join('\u001f'))
      .digest('hex');
}

/**
 * The CLI's keyer: the secret is 64 hex characters in a local file, created with 32 random
 * bytes and mode 0600 when missing. Hex (not raw bytes) so the same secret can be pasted into
 * Secrets Manager and the Lambda keys patients alike. Losing or changing the file makes every
 * patient new to the ledger, so keep it next to the ledger and back both up together.
 */
export async function openPatientKeyer(path: string = DEFAULT_SECRET_PATH): Promise<PatientKeyer> {
  return createPatientKeyer(await readOrCreateSecret(path));
}

async function readOrCreateSecret(path: string): Promise<Uint8Array> {
  try {
    return parseSecret(path, await readFile(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const hex = randomBytes(SECRET_BYTES).toString('hex');
  try {
    // 'wx': never overwrite a secret another run created a moment ago.
    await writeFile(path, `${hex}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return parseSecret(path, await readFile(path, 'utf8'));
  }
  return Buffer.from(hex, 'hex');
}

function parseSecret(path: string, text: string): Uint8Array {
  const hex = text.trim();
  if (!/^(?:[0-9a-fA-F]{2}){32,}$/.test(hex)) throw new Error(`${path}: the patient-key secret must be at least 64 hex characters`);
  return Buffer.from(hex, 'hex');
}
