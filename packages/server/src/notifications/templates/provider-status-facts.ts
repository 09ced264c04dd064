/** What every connection-status notice says (F39; Decree 337/2025 Art. 15.4). */
export type ProviderStatusFacts = {
  providerId: string;
  providerName: string;
  /** The operator's reason, as recorded in the status history. */
  reason: string;
  /** When the change took effect. */
  effectiveAt: Date;
};
