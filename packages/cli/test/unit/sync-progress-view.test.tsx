import type { BatchProgress } from '@hdld/sdk';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { SyncProgressView } from '../../src/ui/sync-progress-view.js';

const progress = (
  overrides: Partial<BatchProgress['counts']> = {},
  extra: Partial<BatchProgress> = {},
): BatchProgress => ({
  counts: {
    read: 4,
    awaitingOutcome: 1,
    skipped: 1,
    acknowledged: 1,
    succeeded: 1,
    duplicate: 0,
    failed: 1,
    rejected: 0,
    interrupted: 0,
    ...overrides,
  },
  elapsedMs: 2000,
  itemsPerSecond: 1.5,
  etaMs: 1500,
  latestErrors: [{ providerReference: 'HD-2', code: 'IDENTITY_NOT_FOUND', message: 'BUSINESS' }],
  ...extra,
});

describe('SyncProgressView (T5, T10)', () => {
  it('shows the bar, the counts by state, throughput and ETA', () => {
    const { lastFrame } = render(
      <SyncProgressView progress={progress()} total={5} lang="en" color={false} />,
    );
    const frame = lastFrame() ?? '';
    expect(frame).toContain('3/5 (60%)');
    expect(frame).toMatch(/succeeded 1\s+duplicate 0\s+failed 1\s+in flight 1\s+queued 1\s+done before 1/);
    expect(frame).toContain('1.5 contracts/s');
    expect(frame).toContain('elapsed 00:02');
    expect(frame).toContain('ETA 00:02');
  });

  it('lists the latest errors with their catalog code, newest first, at most five', () => {
    const latestErrors = Array.from({ length: 7 }, (_, i) => ({
      providerReference: `HD-${i}`,
      code: 'TIMESTAMP_MISSING' as const,
      message: 'SIGNATURE',
    }));
    const { lastFrame } = render(
      <SyncProgressView progress={progress({}, { latestErrors })} total={5} lang="en" color={false} />,
    );
    const lines = (lastFrame() ?? '').split('\n');
    const errors = lines.slice(lines.indexOf('Latest errors') + 1).map((l) => l.trim());
    expect(errors).toEqual([
      'HD-6 TIMESTAMP_MISSING SIGNATURE',
      'HD-5 TIMESTAMP_MISSING SIGNATURE',
      'HD-4 TIMESTAMP_MISSING SIGNATURE',
      'HD-3 TIMESTAMP_MISSING SIGNATURE',
      'HD-2 TIMESTAMP_MISSING SIGNATURE',
    ]);
  });

  it('counts rejected items as failed and shows interruptions', () => {
    const { lastFrame } = render(
      <SyncProgressView
        progress={progress({ rejected: 2, interrupted: 1, read: 7 })}
        total={8}
        lang="en"
        color={false}
      />,
    );
    expect(lastFrame()).toMatch(/failed 3/);
    expect(lastFrame()).toContain('interrupted 1');
  });

  it('counts a duplicate (F9) apart from the successes', () => {
    const { lastFrame } = render(
      <SyncProgressView progress={progress({ duplicate: 1, read: 5 })} total={5} lang="en" color={false} />,
    );
    expect(lastFrame()).toContain('4/5 (80%)');
    expect(lastFrame()).toMatch(/succeeded 1\s+duplicate 1/);
  });

  it('speaks Vietnamese', () => {
    const { lastFrame } = render(
      <SyncProgressView progress={progress()} total={5} lang="vi" color={false} />,
    );
    expect(lastFrame()).toContain('thành công 1');
    expect(lastFrame()).toContain('Lỗi gần nhất');
  });

  it('ends at 100% with a zero ETA', () => {
    const done = progress(
      { read: 5, awaitingOutcome: 0, acknowledged: 0, succeeded: 4, failed: 0, skipped: 1 },
      { latestErrors: [] },
    );
    const { lastFrame } = render(<SyncProgressView progress={done} total={5} lang="en" color={false} done />);
    expect(lastFrame()).toContain('5/5 (100%)');
    expect(lastFrame()).toContain('ETA 00:00');
  });
});
