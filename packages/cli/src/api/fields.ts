import { UsageError } from '../output/errors.js';

/** A JSON value built from `--field` / `--raw-field` (gh api's -F / -f). */
export type FieldValue = string | number | boolean | null | FieldValue[] | { [key: string]: FieldValue };

/** One parsed field: its key path (`a[b][]` → ['a', 'b', '']; '' appends to a list) and value. */
export type Field = { path: string[]; value: FieldValue };

const KEY = /^([^[\]=]+)((?:\[[^[\]]*\])*)$/;

/**
 * `key=value` with gh's key syntax: `key[sub]=v` nests, `key[]=v` appends to a list. A `--field`
 * value is typed like gh's -F (`true`, `false`, `null` and numbers become JSON; `@file` is read by
 * the caller); a `--raw-field` value stays a string. `bad` is the usage message for a malformed one.
 */
export function parseField(spec: string, typed: boolean, bad: string): Field & { file?: string } {
  const eq = spec.indexOf('=');
  const match = eq > 0 ? KEY.exec(spec.slice(0, eq)) : null;
  if (!match?.[1]) throw new UsageError(`${bad}: ${spec}`);
  const path = [match[1], ...[...(match[2] ?? '').matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? '')];
  const raw = spec.slice(eq + 1);
  if (!typed) return { path, value: raw };
  if (raw.startsWith('@')) return { path, value: '', file: raw.slice(1) };
  return { path, value: typedValue(raw) };
}

function typedValue(raw: string): FieldValue {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (raw === 'null') return null;
  // Only canonical numbers: "007" or "1e3" stay strings, as a reference or a code would.
  if (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(raw) && Number.isFinite(Number(raw))) return Number(raw);
  return raw;
}

/** The fields as one JSON object (the body of a POST, PUT or PATCH). */
export function fieldsObject(fields: readonly Field[], bad: string): Record<string, FieldValue> {
  const root: Record<string, FieldValue> = {};
  for (const { path, value } of fields) {
    let node: FieldValue = root;
    for (const [i, key] of path.entries()) {
      const last = i === path.length - 1;
      const nextIsList = path[i + 1] === '';
      const container = node as Record<string, FieldValue> | FieldValue[];
      if (Array.isArray(container)) {
        if (key !== '') throw new UsageError(`${bad}: ${path.join('.')}`);
        if (last) container.push(value);
        else {
          const child: FieldValue = nextIsList ? [] : {};
          container.push(child);
          node = child;
        }
        continue;
      }
      if (key === '') throw new UsageError(`${bad}: ${path.join('.')}`);
      if (last) {
        container[key] = value;
        continue;
      }
      const existing: FieldValue | undefined = container[key];
      const fits = nextIsList ? Array.isArray(existing) : isObject(existing);
      if (existing !== undefined && !fits) throw new UsageError(`${bad}: ${path.join('.')}`);
      container[key] = existing ?? (nextIsList ? [] : {});
      node = container[key] as FieldValue;
    }
  }
  return root;
}

const isObject = (v: FieldValue | undefined): v is { [key: string]: FieldValue } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The fields as a query string (GET, HEAD, DELETE, or with `--input`): flat keys only, `key[]`
 * repeated (`status=A&status=B`), as the Platform's array parameters are sent.
 */
export function fieldsQuery(fields: readonly Field[], bad: string): string {
  const query = new URLSearchParams();
  for (const { path, value } of fields) {
    const [key, ...rest] = path;
    if (
      !key ||
      rest.length > 1 ||
      (rest.length === 1 && rest[0] !== '') ||
      isObject(value) ||
      Array.isArray(value)
    )
      throw new UsageError(`${bad}: ${path.join('.')}`);
    query.append(key, value === null ? '' : String(value));
  }
  return query.toString();
}
