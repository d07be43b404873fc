import { describe, expect, it } from 'vitest';
import { formatTimestamp, parseTimestamp, timestampUrl } from './timestamps';

describe('timestamps', () => {
  it('formats mm:ss below an hour and h:mm:ss from an hour on', () => {
    expect(formatTimestamp(0)).toBe('00:00');
    expect(formatTimestamp(65.9)).toBe('01:05');
    expect(formatTimestamp(754)).toBe('12:34');
    expect(formatTimestamp(3723)).toBe('1:02:03');
  });

  it('parses mm:ss, m:ss and h:mm:ss, and nothing else', () => {
    expect(parseTimestamp('01:05')).toBe(65);
    expect(parseTimestamp('1:05')).toBe(65);
    expect(parseTimestamp('1:02:03')).toBe(3723);
    expect(parseTimestamp('12:60')).toBeUndefined();
    expect(parseTimestamp('1:60:00')).toBeUndefined();
    expect(parseTimestamp('page 3')).toBeUndefined();
  });

  it('links YouTube with &t=…s and Bilibili with ?t=…, keeping other parameters', () => {
    expect(timestampUrl('https://www.youtube.com/watch?v=aSide-00001', 'youtube', 65.4)).toBe(
      'https://www.youtube.com/watch?v=aSide-00001&t=65s',
    );
    expect(timestampUrl('https://www.youtube.com/watch?v=aSide-00001&t=10s#x', 'youtube', 5)).toBe(
      'https://www.youtube.com/watch?v=aSide-00001&t=5s',
    );
    expect(timestampUrl('https://www.bilibili.com/video/BV1Ak4y1z7Qm/', 'bilibili', 72)).toBe(
      'https://www.bilibili.com/video/BV1Ak4y1z7Qm/?t=72',
    );
    expect(timestampUrl('https://www.bilibili.com/video/BV1Ak4y1z7Qm/?p=2', 'bilibili', 72)).toBe(
      'https://www.bilibili.com/video/BV1Ak4y1z7Qm/?p=2&t=72',
    );
  });
});
