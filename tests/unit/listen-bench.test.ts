import { describe, expect, it } from 'vitest';
import { listenStats } from '../../bench/lib/report.ts';

describe('listenStats (benchmark)', () => {
  it('reads the audio integration summary from the build output', () => {
    const lines = [
      '05:25:46 [migrasi-aman:og-images] 47 link-preview images written',
      '05:25:46 [migrasi-aman:listen-audio] listen: 37 audio files, 5 synthesised, 32 from cache, 0 failed; 5692 s of speech, 11123 KB (117 KB per minute); waited 12345 ms',
    ];
    expect(listenStats(lines)).toEqual({
      files: 37,
      synthesised: 5,
      fromCache: 32,
      failed: 0,
      speechSeconds: 5692,
      kb: 11123,
      kbPerMinute: 117,
      waitedSeconds: 12.3,
    });
  });
  it('says nothing when the build made no audio', () => {
    expect(listenStats(['[build] Complete!'])).toBeUndefined();
  });
});
