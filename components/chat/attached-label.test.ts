import { describe, expect, it } from 'vitest';
import { translator } from '../../lib/i18n/translate';
import { attachedLabels } from './attached-label';

const en = translator('en');
const zh = translator('zh-CN');
const screenshot = { source: 'screenshot' } as const;
const picture = { source: 'file' } as const;

describe('attachedLabels', () => {
  it('names nothing when only the page goes', () => {
    expect(attachedLabels({ images: [], files: [] }, en)).toEqual([]);
  });

  it('names a screenshot apart from pasted pictures, in English and Chinese', () => {
    expect(attachedLabels({ images: [screenshot], files: [] }, en)).toEqual(['+ screenshot']);
    expect(attachedLabels({ images: [screenshot, picture, picture], files: [] }, en)).toEqual([
      '+ screenshot',
      '+ 2 images',
    ]);
    expect(attachedLabels({ images: [screenshot, screenshot, picture], files: [] }, zh)).toEqual([
      '+ 2 张截图',
      '+ 1 张图片',
    ]);
  });

  it('names one file by its name and counts several', () => {
    expect(attachedLabels({ images: [], files: [{ name: 'notes.md' }] }, en)).toEqual(['+ file notes.md']);
    expect(attachedLabels({ images: [picture], files: [{ name: 'a.pdf' }, { name: 'b.docx' }] }, zh)).toEqual([
      '+ 1 张图片',
      '+ 2 个文件',
    ]);
  });
});
