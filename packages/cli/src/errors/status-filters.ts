import type { Schemas } from '@hdld/spec';

type ExplanationStatus = Schemas['ExplanationStatus'];

/** `hdld errors list --status`: the provider's words for the explanation states (F36, F37). */
export const STATUS_FILTERS = {
  'awaiting-explanation': 'AWAITING_EXPLANATION',
  explained: 'PENDING_APPROVAL',
  approved: 'APPROVED',
  rejected: 'REJECTED',
  repushed: 'REPUSHED',
} as const satisfies Record<string, ExplanationStatus>;

export type StatusFilter = keyof typeof STATUS_FILTERS;
