import { describe, expect, it } from 'vitest';
import type { LocalFile } from '../../lib/files/local-file';
import { queuedOutcome } from './queued-send';
import type { FileItem } from './use-local-files';

const read = { name: 'a.pdf', format: 'pdf', markdown: 'Text', lang: 'en', cut: false } as LocalFile;
const reading = (id: string, name: string): FileItem => ({ id, name, status: 'reading' });
const ready = (id: string, name: string): FileItem => ({ id, name, status: 'ready', file: { ...read, name } });
const failed = (id: string, name: string): FileItem => ({
  id,
  name,
  status: 'failed',
  error: { name: 'AsideError', code: 'file-broken', message: 'broken' },
});

describe('queuedOutcome', () => {
  const waited = [{ id: '1', name: 'a.pdf' }];

  it('waits while any file is being read, naming them', () => {
    expect(queuedOutcome(waited, [reading('1', 'a.pdf')])).toEqual({ type: 'wait', reading: ['a.pdf'] });
    // A file added while waiting is waited for too: it was meant to go with the question.
    expect(queuedOutcome(waited, [ready('1', 'a.pdf'), reading('2', 'b.md')])).toEqual({
      type: 'wait',
      reading: ['b.md'],
    });
  });

  it('sends once every file it waited for is read', () => {
    expect(queuedOutcome(waited, [ready('1', 'a.pdf')])).toEqual({ type: 'send' });
    // A file refused before Enter was already shown as refused: it does not hold the question.
    expect(queuedOutcome(waited, [failed('0', 'old.docx'), ready('1', 'a.pdf')])).toEqual({ type: 'send' });
  });

  it('keeps the question unsent when a file it waited for fails or is removed', () => {
    expect(queuedOutcome(waited, [failed('1', 'a.pdf')])).toEqual({ type: 'hold', name: 'a.pdf', why: 'failed' });
    expect(queuedOutcome(waited, [])).toEqual({ type: 'hold', name: 'a.pdf', why: 'removed' });
  });
});
