/**
 * JSON with object keys sorted at every depth and no whitespace, so the same main data always gives
 * the same bytes: the attachment, the document /ID and therefore the whole PDF are reproducible.
 * Arrays keep their order (it is meaningful: allowances are listed as the parties wrote them).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  // fromEntries defines own properties, so even a "__proto__" key stays an ordinary member.
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      // JSON.stringify drops undefined members; dropping them here too keeps the output canonical.
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
