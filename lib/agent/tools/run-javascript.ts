import { z } from 'zod';
import { wrapToolOutput } from '../../prompt/untrusted';
import { tool } from '../tool';

export const defaultScriptTimeoutMs = 3000;

/**
 * A small code interpreter for calculations and data wrangling. The code runs
 * in a worker of Aside's sandboxed page (no network, no DOM, no WebRTC, no
 * extension APIs) and is killed at its time limit. Consent, showing the code,
 * is asked the first time in a run (in a team run, for each member).
 */
export const runJavascript = tool({
  name: 'run_javascript',
  description:
    'Runs JavaScript in a Web Worker for calculations or data wrangling over text you already have. ' +
    'No network, no DOM (no document, window or DOMParser). ' +
    'console.log output and the value of the last expression (or `return`) come back. Top-level await works.',
  input: z.object({
    code: z.string().min(1).max(50_000),
    timeoutMs: z.number().int().min(100).max(10_000).optional(),
  }),
  risk: 'effect',
  consentPerRun: true,
  consentCode({ code, ...otherArguments }) {
    return { code, otherArguments };
  },
  async target() {
    return null;
  },
  async run({ code, timeoutMs }, context) {
    const limit = timeoutMs ?? defaultScriptTimeoutMs;
    const outcome = await context.runScript(code, limit);
    if (outcome.timedOut) return `Timed out after ${limit} ms; the code was stopped. Output before that is lost.`;
    const parts = [
      outcome.output ? `Output:\n${outcome.output}` : 'Output: (none)',
      ...(outcome.result === undefined ? [] : [`Result: ${outcome.result}`]),
      ...(outcome.error === undefined ? [] : [`Error: ${outcome.error}`]),
    ];
    // The code may have processed page text, so its output is as untrusted as its input.
    return wrapToolOutput('run_javascript', parts.join('\n'), {}, context.nonce);
  },
});
