import type { Schemas } from '@hdld/spec';
import { type CallContext, type RequestOptions, unwrap } from '../call.js';

/** Who the credentials act as (T3, T4, T17): a provider with its own profile, or an operator. */
export function callerResource(context: CallContext) {
  return async (options?: RequestOptions): Promise<Schemas['Caller']> =>
    unwrap(context, await context.api.GET('/v1/me', context.init(options)));
}
