import type { ProblemDetailItem, Schemas } from '@hdld/spec';
import type { Mode } from '../config/server-config.js';
import { ProblemError } from '../http/problem.js';
import { normalizeCidr } from './ip-allow-list.js';

export type TechnicalInfo = { callbackUrl?: string; ipAllowList: string[] };

function callbackProblem(value: string, mode: Mode): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'callbackUrl is not an absolute URL';
  }
  // T16: results travel encrypted; plain http only where providers test (S2.4).
  if (url.protocol !== 'https:' && !(mode === 'sandbox' && url.protocol === 'http:')) {
    return mode === 'sandbox' ? 'callbackUrl must use https or http' : 'callbackUrl must use https';
  }
  // Credentials would be shown back in every provider view; fragments never reach the server.
  if (url.username || url.password) return 'callbackUrl must not contain credentials';
  if (url.hash) return 'callbackUrl must not contain a fragment';
  return undefined;
}

/**
 * N8 technical info as stored: the callback URL checked (https in production), every CIDR
 * checked and normalised, duplicates dropped. Any bad value refuses the whole update
 * (REQUEST_INVALID with a pointer per value), so nothing is half-applied.
 */
export function parseTechnicalInfo(body: Schemas['ProviderTechnicalInfo'], mode: Mode): TechnicalInfo {
  const errors: ProblemDetailItem[] = [];
  const callback = body.callbackUrl ?? undefined;
  const urlProblem = callback === undefined ? undefined : callbackProblem(callback, mode);
  if (urlProblem) errors.push({ code: 'REQUEST_INVALID', pointer: '/callbackUrl', detail: urlProblem });
  const cidrs = body.ipAllowList.map((value, i) => {
    const cidr = normalizeCidr(value);
    if (!cidr) {
      errors.push({
        code: 'REQUEST_INVALID',
        pointer: `/ipAllowList/${i}`,
        detail: `${JSON.stringify(value)} is not an IPv4 or IPv6 address or CIDR`,
      });
    }
    return cidr;
  });
  if (errors.length > 0) throw new ProblemError('REQUEST_INVALID', { errors });
  return {
    ...(callback === undefined ? {} : { callbackUrl: new URL(callback).href }),
    ipAllowList: [...new Set(cidrs as string[])],
  };
}
