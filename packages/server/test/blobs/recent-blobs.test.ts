import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRecentBlobs } from '../../src/blobs/recent-blobs.js';

describe('recent blobs (bytes of blobs just put, read once from memory)', () => {
  it('hands each entry out once, stays within its bound, and drops the oldest first', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1000 }),
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.nat({ max: 400 }), fc.boolean())),
        (max, steps) => {
          const recent = createRecentBlobs(max);
          // The model: insertion-ordered entries, oldest evicted while over the bound.
          const model = new Map<string, number>();
          for (const [key, size, isTake] of steps) {
            if (isTake) {
              const taken = recent.take(key);
              expect(taken?.byteLength).toBe(model.get(key));
              model.delete(key);
            } else {
              recent.add(key, new Uint8Array(size));
              model.delete(key);
              if (size <= max) model.set(key, size);
              let total = [...model.values()].reduce((a, b) => a + b, 0);
              for (const oldest of model.keys()) {
                if (total <= max) break;
                total -= model.get(oldest)!;
                model.delete(oldest);
              }
            }
            expect(recent.bytes).toBe([...model.values()].reduce((a, b) => a + b, 0));
            expect(recent.bytes).toBeLessThanOrEqual(max);
          }
        },
      ),
    );
  });

  it('gives back the very bytes it was given', () => {
    const recent = createRecentBlobs(10);
    const bytes = new Uint8Array([1, 2, 3]);
    recent.add('k', bytes);
    expect(recent.take('k')).toBe(bytes);
    expect(recent.take('k')).toBeUndefined();
  });
});
