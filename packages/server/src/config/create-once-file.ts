import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Reads `file`, creating it with `create()`'s content if absent. Several processes may start on
 * one data directory at once: the content is written in full to a private temporary file and then
 * hard-linked into place, which fails if the file exists, so no reader ever sees a half-written
 * file and every process ends up with the first creator's content.
 */
export async function readOrCreateFile(file: string, create: () => Promise<string>): Promise<string> {
  const stored = await readFile(file, 'utf8').catch(() => undefined);
  if (stored !== undefined) return stored;
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const content = await create();
  await writeFile(temporary, content, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, file);
    return content;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFile(file, 'utf8');
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}
