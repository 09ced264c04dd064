/**
 * Just enough PDF syntax to compare two versions of a dictionary: top-level keys mapped to their raw value
 * text with white space normalised. Nested dictionaries, arrays and strings are kept opaque.
 */
export function topLevelEntries(dictionaryText: string): Map<string, string> {
  const entries = new Map<string, string>();
  const start = dictionaryText.indexOf('<<');
  if (start === -1) return entries;
  let depth = 0;
  let key: string | undefined;
  let valueStart = 0;
  const close = (end: number) => {
    if (key !== undefined)
      entries.set(key, dictionaryText.slice(valueStart, end).replace(/\s+/g, ' ').trim());
    key = undefined;
  };
  for (let i = start; i < dictionaryText.length; i++) {
    const c = dictionaryText[i];
    if (c === '(') {
      i = skipLiteralString(dictionaryText, i);
    } else if (c === '<' && dictionaryText[i + 1] === '<') {
      depth++;
      i++;
    } else if (c === '>' && dictionaryText[i + 1] === '>') {
      depth--;
      i++;
      if (depth === 0) {
        close(i - 1);
        break;
      }
    } else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '/' && depth === 1) {
      const name = /^\/[^\s/<>[\]()]*/.exec(dictionaryText.slice(i, i + 128))![0];
      if (key === undefined) {
        key = name;
        valueStart = i + name.length;
      } else if (dictionaryText.slice(valueStart, i).trim() !== '') {
        close(i);
        key = name;
        valueStart = i + name.length;
      }
      i += name.length - 1;
    }
  }
  return entries;
}

function skipLiteralString(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return text.length;
}

/** True when the two dictionaries differ only in the listed keys. */
export function differsOnlyIn(before: string, after: string, allowedKeys: ReadonlySet<string>): boolean {
  const a = topLevelEntries(before);
  const b = topLevelEntries(after);
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    if (!allowedKeys.has(key) && a.get(key) !== b.get(key)) return false;
  }
  return a.size > 0 && b.size > 0;
}
