import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** The files cut out of a large JSON body (json-body.ts), when there were any. */
    bodyFiles?: BodyFiles;
  }
}

/** Stands in for a file in a parsed body; random per process (96 bits), so no client can forge one. */
const PLACEHOLDER = `hdld-file-${randomBytes(12).toString('hex')}-`;
const PLACEHOLDERS = new RegExp(`${PLACEHOLDER}(\\d+)`, 'g');

/**
 * The base64 files of a JSON body, kept as the ASCII bytes received (views of the body, no copy)
 * while the parsed body holds a placeholder for each: turning a 270 KB file into a JavaScript string
 * costs over a millisecond of CPU (a large-object allocation), reading it from the bytes almost none.
 */
export class BodyFiles {
  readonly #files: Buffer[] = [];

  /** Keeps `bytes` and gives the placeholder to parse in their place. */
  add(bytes: Buffer): string {
    this.#files.push(bytes);
    return `${PLACEHOLDER}${this.#files.length - 1}`;
  }

  /** The base64 text a file field of the parsed body holds: its bytes if cut out, else the string itself. */
  content(value: string): string | Buffer {
    return value.startsWith(PLACEHOLDER) ? this.#fileAt(value.slice(PLACEHOLDER.length)) : value;
  }

  /**
   * `json` (written from the parsed body, e.g. by JSON.stringify) in order, with each file's bytes
   * in place of its placeholder: the pieces of the JSON the client sent, without building it whole.
   */
  spliced(json: string): (string | Buffer)[] {
    const pieces: (string | Buffer)[] = [];
    let copied = 0;
    for (const match of json.matchAll(PLACEHOLDERS)) {
      pieces.push(json.slice(copied, match.index), this.#fileAt(match[1]!));
      copied = match.index + match[0].length;
    }
    pieces.push(json.slice(copied));
    return pieces;
  }

  #fileAt(index: string): Buffer {
    const file = this.#files[Number(index)];
    if (!file) throw new Error(`no file ${index} in this body`);
    return file;
  }
}

/** The files cut out of the request's body: none when it was parsed whole. */
export const bodyFilesOf = (request: FastifyRequest): BodyFiles => request.bodyFiles ?? new BodyFiles();
