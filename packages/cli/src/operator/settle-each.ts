import { HdldAuthError, HdldError } from '@hdld/sdk';
import type { ErrorCode, Lang } from '@hdld/spec';
import { t } from '../i18n/messages.js';
import { grid } from '../output/terminal.js';

/** One item of a multi-id operator command: done (with the Platform's answer) or refused with its code. */
export type Settled<T> =
  | { id: string; result: 'done'; value: T }
  | { id: string; result: 'refused'; status?: number; code?: ErrorCode; title: string; detail?: string };

/**
 * Runs `call` for each id in turn. A refusal of that item by the Platform (a 4xx other than
 * authentication: already decided, not found, invalid transition) is its outcome and the next id
 * is tried; authentication, rate limits, network and server errors stop the command.
 */
export async function settleEach<T>(
  ids: readonly string[],
  call: (id: string) => Promise<T>,
): Promise<Settled<T>[]> {
  const settled: Settled<T>[] = [];
  for (const id of ids) {
    try {
      settled.push({ id, result: 'done', value: await call(id) });
    } catch (error) {
      const refusal =
        error instanceof HdldError &&
        !(error instanceof HdldAuthError) &&
        error.status !== undefined &&
        error.status >= 400 &&
        error.status < 500 &&
        error.status !== 429;
      if (!refusal) throw error;
      settled.push({
        id,
        result: 'refused',
        status: error.status,
        code: error.code,
        title: error.title,
        ...(error.detail ? { detail: error.detail } : {}),
      });
    }
  }
  return settled;
}

/** ID, result, and the state reached or the refusal's code and title. */
export function settledTable<T>(
  settled: readonly Settled<T>[],
  lang: Lang,
  describe: (value: T) => string,
): string {
  return grid(
    ['ID', t(lang, 'column.result'), t(lang, 'column.status')],
    settled.map((s) =>
      s.result === 'done'
        ? [s.id, t(lang, 'settled.done'), describe(s.value)]
        : [s.id, t(lang, 'settled.refused'), `${s.code ?? s.status ?? ''} ${s.title}`.trim()],
    ),
  );
}
