import { CertificationEvidenceSchema } from '@hdld/spec';
import type { z } from 'zod';

/**
 * JSON content of the provider's data-message certification (DOMAIN.md T8, N2; Decree Art. 7.1.d, 7.2).
 * The schema is the OpenAPI `CertificationEvidence` from @hdld/spec, so SDK and Platform agree on it.
 */
export type CertificationEvidence = z.infer<typeof CertificationEvidenceSchema>;

export { CertificationEvidenceSchema };
