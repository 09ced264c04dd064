import { ContractMainDataSchema } from '@hdld/spec';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleContractMainData } from '../../src/documents/pdf/sample-data.js';
import { checkLaborRules } from '../../src/validation/labor-rules.js';

const years = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / (365.25 * 86_400_000);

describe('sampleContractMainData', () => {
  it('is schema-valid and plausible under the Labor Code for any seed (property)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const data = sampleContractMainData(seed);
        expect(ContractMainDataSchema.parse(data)).toEqual(data);
        const { term, employee, concludedOn } = data;
        expect(years(employee.dateOfBirth, concludedOn)).toBeGreaterThanOrEqual(18);
        expect(term.startDate >= concludedOn).toBe(true);
        if (term.type === 'INDEFINITE') expect(term.endDate).toBeUndefined();
        else {
          expect(term.endDate! > term.startDate).toBe(true);
          // Labor Code Art. 20: a fixed term lasts at most 36 months.
          expect(years(term.startDate, term.endDate!)).toBeLessThanOrEqual(3);
        }
        if (employee.identity.type === 'CCCD') expect(employee.identity.number).toMatch(/^\d{12}$/);
        // The Platform's own rules (T9), sent after the last conclusion date a sample has (1 December 2026).
        expect(checkLaborRules(data, { submittedAt: new Date('2026-12-02T00:00:00+07:00') })).toEqual([]);
      }),
    );
  });

  it('returns the same contract for the same seed and varied ones across seeds', () => {
    expect(sampleContractMainData(3)).toEqual(sampleContractMainData(3));
    const seeds = Array.from({ length: 40 }, (_, seed) => sampleContractMainData(seed));
    expect(new Set(seeds.map((data) => data.employee.fullName)).size).toBeGreaterThan(20);
    expect(new Set(seeds.map((data) => data.term.type)).size).toBe(4);
    expect(new Set(seeds.map((data) => data.employer.name)).size).toBeGreaterThan(3);
  });
});
