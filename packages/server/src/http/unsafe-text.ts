import type { ProblemItem } from './problem.js';

/**
 * NUL and lone UTF-16 surrogates are valid in JSON and in URLs (`\u0000`, `%00`), but PostgreSQL's
 * text and jsonb refuse them and no field of the API can mean them: they are refused at the edge
 * with the field's pointer instead of failing in the database (non-negotiable 3).
 */
export function isUnsafeText(value: string): boolean {
  return value.includes('\u0000') || !(value as string & { isWellFormed(): boolean }).isWellFormed();
}

const escapePointer = (token: string) => token.replaceAll('~', '~0').replaceAll('/', '~1');

/** The items for every string or key in a parsed JSON value (or parameter set) that isUnsafeText. */
export function unsafeTextItems(value: unknown, base = '', max = 20): ProblemItem[] {
  const items: ProblemItem[] = [];
  // Iterative: a deeply nested body must not exhaust the stack here.
  const pending: Array<[unknown, string]> = [[value, base]];
  while (pending.length > 0 && items.length < max) {
    const [node, pointer] = pending.pop()!;
    if (typeof node === 'string') {
      if (isUnsafeText(node)) items.push(unsafeItem(pointer));
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) pending.push([node[i], `${pointer}/${i}`]);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        const at = `${pointer}/${escapePointer(key)}`;
        if (isUnsafeText(key)) items.push(unsafeItem(at));
        else pending.push([child, at]);
      }
    }
  }
  return items;
}

function unsafeItem(pointer: string): ProblemItem {
  const at = pointer || '/';
  return {
    code: 'REQUEST_INVALID',
    pointer: at,
    detail: {
      en: `${at} contains a NUL character or an unpaired UTF-16 surrogate, which no field accepts.`,
      vi: `${at} chứa ký tự NUL hoặc nửa cặp thay thế UTF-16 không hợp lệ; không trường nào chấp nhận.`,
    },
  };
}
