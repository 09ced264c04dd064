/** A file to upload: its bytes, or a path read in Node. */
export type FileInput = { bytes: Uint8Array; fileName: string } | { path: string; fileName?: string };

/** The part after the last separator: an upload's fileName may hold no directory. */
export const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** The file's name and bytes; `node:fs` is loaded on demand so the main entry stays free of Node modules. */
export async function readFileInput(input: FileInput): Promise<{ fileName: string; bytes: Uint8Array }> {
  if ('bytes' in input) return { fileName: input.fileName, bytes: input.bytes };
  const { readFile } = await import('node:fs/promises');
  return {
    fileName: input.fileName ?? baseName(input.path),
    bytes: new Uint8Array(await readFile(input.path)),
  };
}
