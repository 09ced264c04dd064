import { ConversionLogSchema } from '@hdld/spec';
import type { z } from 'zod';

/** Conversion log of a paper contract converted to a data message (Decree Art. 9.2; DOMAIN.md core flow step 3). */
export type ConversionLog = z.infer<typeof ConversionLogSchema>;

export { ConversionLogSchema };
