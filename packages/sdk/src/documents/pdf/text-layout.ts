/**
 * Line breaking for mixed regular/bold text, independent of pdf-lib: the caller passes a width
 * measure, so this stays pure and testable. Breaks at spaces; a word wider than the line (a long
 * address without spaces, an ID) is cut between characters so nothing runs off the page.
 */

export type Run = { text: string; bold?: boolean };

export type Line = { segments: Run[]; width: number };

export type Measure = (text: string, bold: boolean) => number;

type Token = { text: string; bold: boolean; isSpace: boolean };

/**
 * Text as it should be drawn: NFC so every Vietnamese letter is one precomposed glyph (the font
 * has them; pdf-lib does not position combining marks), control characters and runs of
 * whitespace folded to one space (the drawing code has no other use for tabs or newlines).
 */
export function printableText(value: string): string {
  return value.normalize('NFC').replace(/[\s\p{Cc}\p{Cf}]+/gu, ' ');
}

function tokenize(runs: readonly Run[]): Token[] {
  const tokens: Token[] = [];
  for (const run of runs) {
    for (const piece of printableText(run.text).split(/( )/)) {
      if (piece === '') continue;
      const isSpace = piece === ' ';
      // Spaces at the seam between two runs fold into one.
      if (isSpace && tokens.at(-1)?.isSpace) continue;
      tokens.push({ text: piece, bold: run.bold ?? false, isSpace });
    }
  }
  return tokens;
}

export function wrapRuns(runs: readonly Run[], maxWidth: number, measure: Measure): Line[] {
  const lines: Line[] = [];
  let current: Token[] = [];
  let width = 0;
  let pendingSpace: Token | undefined;

  const flush = () => {
    lines.push({ segments: mergeSegments(current), width });
    current = [];
    width = 0;
  };

  for (const token of tokenize(runs)) {
    if (token.isSpace) {
      // A space at the start of a line or where a line breaks is not drawn.
      if (current.length > 0) pendingSpace = token;
      continue;
    }
    const spaceWidth = pendingSpace ? measure(' ', pendingSpace.bold) : 0;
    const wordWidth = measure(token.text, token.bold);
    if (current.length > 0 && width + spaceWidth + wordWidth > maxWidth) {
      flush();
      pendingSpace = undefined;
    }
    if (pendingSpace) {
      current.push(pendingSpace);
      width += spaceWidth;
      pendingSpace = undefined;
    }
    if (wordWidth <= maxWidth - width) {
      current.push(token);
      width += wordWidth;
      continue;
    }
    // Only reached on an empty line: the word alone is wider than a line.
    for (const [index, chunk] of chunkByWidth(token, maxWidth, measure).entries()) {
      if (index > 0) flush();
      current.push(chunk.token);
      width += chunk.width;
    }
  }
  if (current.length > 0 || lines.length === 0) flush();
  return lines;
}

type Chunk = { token: Token; width: number };

/** Cuts a word into pieces that each fit a line; a piece always holds at least one character. */
function chunkByWidth(token: Token, maxWidth: number, measure: Measure): Chunk[] {
  const chunks: Chunk[] = [];
  let chunk = '';
  for (const char of token.text) {
    const candidate = chunk + char;
    if (chunk !== '' && measure(candidate, token.bold) > maxWidth) {
      chunks.push({ token: { ...token, text: chunk }, width: measure(chunk, token.bold) });
      chunk = char;
    } else {
      chunk = candidate;
    }
  }
  chunks.push({ token: { ...token, text: chunk }, width: measure(chunk, token.bold) });
  return chunks;
}

function mergeSegments(tokens: readonly Token[]): Run[] {
  const segments: Run[] = [];
  for (const token of tokens) {
    const last = segments.at(-1);
    if (last && (last.bold ?? false) === token.bold) last.text += token.text;
    else segments.push({ text: token.text, bold: token.bold });
  }
  return segments;
}
