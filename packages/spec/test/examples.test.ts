/**
 * (1) Every example of the bundled spec validates against its schema with Ajv 2020 + ajv-formats:
 * media-type examples (requests and responses, inline and `components/examples`), parameter and
 * header examples, and `example`/`examples` inside component schemas (DOMAIN.md S2.4, T6).
 */
import { describe, expect, it } from 'vitest';
import { mediaExamples, schemaExamples, validatorAt } from './helpers.js';

const media = mediaExamples();
const inSchemas = schemaExamples();

describe('spec examples', () => {
  it('finds examples to check', () => {
    expect(media.length).toBeGreaterThan(40);
    expect(inSchemas.length).toBeGreaterThan(15);
  });

  it.each(media.map((c) => [c.where, c] as const))('media example %s is valid', (_where, c) => {
    const validate = validatorAt(c.schemaPointer);
    const ok = validate(c.value);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each(inSchemas.map((c) => [c.where, c] as const))('schema example %s is valid', (_where, c) => {
    const validate = validatorAt(c.schemaPointer);
    const ok = validate(c.value);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });
});
