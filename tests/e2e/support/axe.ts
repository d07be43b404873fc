import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
/** axe-core's own bundle, from node_modules: nothing is downloaded. */
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One axe finding, trimmed to what a failing test needs to say. */
export interface AxeFinding {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: readonly string[];
}

/**
 * Runs axe-core in a page (an extension page or a web page) and returns its
 * serious and critical violations. The bundle is evaluated over DevTools, which
 * an extension page's CSP does not govern, so no script tag is added.
 * `include` narrows the audit to a part of the page (a CSS selector).
 */
export async function seriousViolations(page: Page, include?: string): Promise<AxeFinding[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (selector) => {
    const axe = (globalThis as unknown as { axe: AxeApi }).axe;
    const result = await axe.run(selector ? { include: [selector] } : document, {
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? '',
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      }));
  }, include);
}

/** The part of axe's API used here (the page has no types for the injected global). */
interface AxeApi {
  run(
    context: Document | { include: string[] },
    options: { resultTypes: string[] },
  ): Promise<{
    violations: { id: string; impact?: string; help: string; nodes: { target: string[] }[] }[];
  }>;
}
