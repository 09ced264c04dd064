import type { Schemas } from '@hdld/spec';
import { type CallContext, type RequestOptions, unwrap } from '../call.js';

/** Unauthenticated operations: the receipt keys (JWKS) and the probes. */
export function platformResource(context: CallContext) {
  const { api } = context;
  return {
    /** The keys that sign receipts; pass them to `verifyReceipt`. */
    async keys(options?: RequestOptions): Promise<Schemas['PlatformKeys']> {
      return unwrap(context, await api.GET('/.well-known/jwks.json', context.init(options)));
    },
    async health(options?: RequestOptions): Promise<Schemas['Health']> {
      return unwrap(context, await api.GET('/health', context.init(options)));
    },
    async ready(options?: RequestOptions): Promise<Schemas['Health']> {
      return unwrap(context, await api.GET('/ready', context.init(options)));
    },
  };
}
