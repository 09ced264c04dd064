import type { Schemas } from '@hdld/spec';

/**
 * Every value of a spec enum, written out so the CLI's option choices cost no import of the spec's
 * zod schemas at start-up; the type check fails when the spec adds or drops a value.
 */
const allOf =
  <T extends string>() =>
  <const V extends readonly T[]>(values: V & ([T] extends [V[number]] ? unknown : never)): V =>
    values;

export const PROVIDER_STATUSES = allOf<Schemas['ProviderStatus']>()(['ACTIVE', 'SUSPENDED', 'DISCONNECTED']);
export const EXPLANATION_STATES = allOf<Schemas['ExplanationState']>()(['PENDING', 'APPROVED', 'REJECTED']);
export const VIOLATION_ACTIONS = allOf<Schemas['ViolationActionRequest']['status']>()([
  'SUSPENDED',
  'DISCONNECTED',
]);

/** The CLI spells enum values in lower case (`--status suspended`), the Platform in upper case. */
export const lower = (values: readonly string[]) => values.map((v) => v.toLowerCase());
export const upper = <T extends string>(value: string) => value.toUpperCase() as T;
