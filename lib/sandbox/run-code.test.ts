import { describe, expect, it } from 'vitest';
import { runCode } from './run-code';

describe('runCode', () => {
  it('returns an expression value, captured logs, and statement-body returns', async () => {
    expect(await runCode('1 + 2')).toEqual({ output: '', result: '3' });
    expect(await runCode('console.log("a", {b: 1}); return [1, 2].map((x) => x * 2);')).toEqual({
      output: 'a {\n  "b": 1\n}',
      result: '[\n  2,\n  4\n]',
    });
    expect(await runCode('await Promise.resolve(); return "done"')).toEqual({ output: '', result: 'done' });
  });

  it('reports syntax and runtime errors with the output so far', async () => {
    expect((await runCode('return (')).error).toMatch(/SyntaxError/);
    expect(await runCode('console.log("before"); throw new TypeError("bad")')).toEqual({
      output: 'before',
      error: 'TypeError: bad',
    });
  });
});
