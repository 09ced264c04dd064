import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldsObject, fieldsQuery, parseField } from '../../src/api/fields.js';
import { UsageError } from '../../src/output/errors.js';

const BAD = 'bad field';
const key = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_.-]{0,15}$/);

/** `hdld api --field/--raw-field` (issue 14): gh api's key syntax and typing, property-tested. */
describe('api fields', () => {
  it('keeps any --raw-field value as the string given, whatever it contains', () => {
    fc.assert(
      fc.property(key, fc.string(), (k, v) => {
        const field = parseField(`${k}=${v}`, false, BAD);
        expect(fieldsObject([field], BAD)).toEqual({ [k]: v });
        expect(new URLSearchParams(fieldsQuery([field], BAD)).get(k)).toBe(v);
      }),
    );
  });

  it('types --field values like gh -F: integers, true, false, null; anything else stays a string', () => {
    fc.assert(
      fc.property(key, fc.integer(), (k, n) => {
        expect(parseField(`${k}=${n}`, true, BAD).value).toBe(n);
      }),
    );
    expect(
      ['true', 'false', 'null', '1.5', '007', '1e3', 'x'].map((v) => parseField(`k=${v}`, true, BAD).value),
    ).toEqual([true, false, null, 1.5, '007', '1e3', 'x']);
    expect(parseField('text=@note.txt', true, BAD)).toMatchObject({ file: 'note.txt' });
    expect(parseField('text=@note.txt', false, BAD).value).toBe('@note.txt');
  });

  it('nests key[sub] and appends key[] in order', () => {
    fc.assert(
      fc.property(key, key, fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (outer, inner, values) => {
        const fields = values.map((v) => parseField(`${outer}[${inner}][]=${v}`, false, BAD));
        expect(fieldsObject(fields, BAD)).toEqual({ [outer]: { [inner]: values } });
      }),
    );
    const query = fieldsQuery(
      ['status[]=A', 'status[]=B'].map((f) => parseField(f, true, BAD)),
      BAD,
    );
    expect(query).toBe('status=A&status=B');
  });

  it('refuses what it cannot read, as a usage error (exit 2)', () => {
    for (const spec of ['novalue', '=v', 'a[b=v', 'a]b=v']) {
      expect(() => parseField(spec, true, BAD), spec).toThrow(UsageError);
    }
    const clash = ['a=1', 'a[b]=2'].map((f) => parseField(f, true, BAD));
    expect(() => fieldsObject(clash, BAD)).toThrow(UsageError);
    expect(() => fieldsQuery([parseField('a[b]=1', true, BAD)], BAD)).toThrow(UsageError);
  });
});
