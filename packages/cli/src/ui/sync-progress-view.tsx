import type { BatchProgress } from '@hdld/sdk';
import type { Lang } from '@hdld/spec';
import { Box, Text } from 'ink';
import { t } from '../i18n/messages.js';

const BAR_WIDTH = 40;
const SHOWN_ERRORS = 5;

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '--:--';
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** The SDK's counters in the view's terms: what is done, in flight, still queued. */
export function progressFigures(progress: BatchProgress, total: number) {
  const c = progress.counts;
  const finished = c.skipped + c.succeeded + c.duplicate + c.failed + c.rejected + c.interrupted;
  return {
    finished,
    succeeded: c.succeeded,
    duplicate: c.duplicate,
    failed: c.failed + c.rejected,
    interrupted: c.interrupted,
    skipped: c.skipped,
    inFlight: Math.max(0, c.read - finished),
    queued: Math.max(0, total - c.read),
  };
}

function Bar({ ratio, color }: { ratio: number; color: boolean }) {
  const filled = Math.round(Math.min(Math.max(ratio, 0), 1) * BAR_WIDTH);
  return (
    <Text>
      <Text color={color ? 'green' : undefined}>{'█'.repeat(filled)}</Text>
      <Text dimColor={color}>{'░'.repeat(BAR_WIDTH - filled)}</Text>
    </Text>
  );
}

/** The TTY view of `hdld sync`: progress bar, counts by state, throughput, ETA and the latest errors (T5, T10). */
export function SyncProgressView(props: {
  progress: BatchProgress;
  total: number;
  lang: Lang;
  color: boolean;
  done?: boolean;
}) {
  const { progress, total, lang, color } = props;
  const f = progressFigures(progress, total);
  const ratio = total === 0 ? 1 : f.finished / total;
  const errors = progress.latestErrors.slice(-SHOWN_ERRORS).reverse();
  return (
    <Box flexDirection="column">
      <Box>
        <Bar ratio={ratio} color={color} />
        <Text>
          {' '}
          {f.finished}/{total} ({Math.floor(ratio * 100)}%)
        </Text>
      </Box>
      <Text>
        <Text color={color ? 'green' : undefined}>
          {t(lang, 'sync.succeeded')} {f.succeeded}
        </Text>
        {'  '}
        <Text color={color && f.duplicate > 0 ? 'yellow' : undefined}>
          {t(lang, 'sync.duplicate')} {f.duplicate}
        </Text>
        {'  '}
        <Text color={color && f.failed > 0 ? 'red' : undefined}>
          {t(lang, 'sync.failed')} {f.failed}
        </Text>
        {'  '}
        {t(lang, 'sync.inFlight')} {f.inFlight}
        {'  '}
        {t(lang, 'sync.queued')} {f.queued}
        {'  '}
        {t(lang, 'sync.skipped')} {f.skipped}
        {f.interrupted > 0 ? `  ${t(lang, 'sync.interrupted')} ${f.interrupted}` : ''}
      </Text>
      <Text>
        {progress.itemsPerSecond.toFixed(1)} {t(lang, 'sync.perSecond')}
        {'  '}
        {t(lang, 'sync.elapsed')} {formatDuration(progress.elapsedMs)}
        {'  '}
        ETA {props.done ? formatDuration(0) : formatDuration(progress.etaMs)}
      </Text>
      {errors.length > 0 && (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>{t(lang, 'sync.latestErrors')}</Text>
          {errors.map((e, i) => (
            // The list is rebuilt from the latest snapshot each time: position is the identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no stable id
            <Text key={i} color={color ? 'red' : undefined} wrap="truncate-end">
              {'  '}
              {e.providerReference} {e.code ?? ''} {e.message}
            </Text>
          ))}
        </Box>
      )}
    </Box>
  );
}
