import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_SET_FILES, type CodeSets } from '../codesets/code-set-file.ts';

/** The code sets shipped with claimcheck (codesets/ at the package root). */
export const SHIPPED_CODESETS_DIR = fileURLToPath(new URL('../../codesets/', import.meta.url));

/** Reads every code set file of a folder (codesets/ layout). */
export async function loadCodeSets(dir: string = SHIPPED_CODESETS_DIR): Promise<CodeSets> {
  const entries = await Promise.all(
    Object.entries(CODE_SET_FILES).map(async ([key, file]) => {
      const path = join(dir, file);
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        throw new Error(`code set ${path} cannot be read: ${(error as Error).message}`);
      }
      try {
        return [key, JSON.parse(text)] as const;
      } catch (error) {
        throw new Error(`code set ${path} is not valid JSON: ${(error as Error).message}`);
      }
    }),
  );
  return Object.fromEntries(entries) as unknown as CodeSets;
}

/** A CMS ICD-10-CM order file's text, read as Latin-1 (the CMS files are plain ASCII). */
export async function readOrderFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'latin1');
  } catch (error) {
    throw new Error(`${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}
