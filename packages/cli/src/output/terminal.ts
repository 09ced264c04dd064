/**
 * Data goes to stdout, diagnostics to stderr (gh's rule), so `hdld ... --json | jq` always works.
 * Colour only on a TTY and never when NO_COLOR is set (no-color.org); ink views only on a TTY.
 */
export type Terminal = {
  out(text: string): void;
  err(text: string): void;
  /** Raw write to stdout without a newline added (CSV, NDJSON streams). */
  write(text: string): void;
  color: boolean;
  /** stderr is a terminal: progress views and prompts may be shown there. */
  interactive: boolean;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stderr: NodeJS.WriteStream;
};

const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);

export function processTerminal(env: NodeJS.ProcessEnv = process.env): Terminal {
  const interactive = Boolean(process.stderr.isTTY) && env.TERM !== 'dumb' && !env.CI;
  return {
    out: (text) => process.stdout.write(line(text)),
    err: (text) => process.stderr.write(line(text)),
    write: (text) => process.stdout.write(text),
    color: interactive && !('NO_COLOR' in env),
    interactive,
    stdin: process.stdin,
    stderr: process.stderr,
  };
}

export function table(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}

/** A column-aligned table with a header row (gh's list output). */
export function grid(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [format(header), ...rows.map(format)].join('\n');
}
