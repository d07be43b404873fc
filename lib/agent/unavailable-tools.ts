/**
 * Why run_javascript is off in Firefox, for a model that calls it anyway.
 * Chrome runs the code in a manifest `sandbox` page (opaque origin, its own
 * CSP that allows eval and nothing else). Firefox has no sandbox pages, and
 * its extension CSP (`script-src 'self'`, no eval) governs every document an
 * extension page frames: its sandbox page framed with `sandbox="allow-scripts"`
 * never loads its script, and `data:`, `blob:` and `srcdoc` frames run no
 * inline script at all (measured in Firefox ESR 153). Allowing eval in that
 * CSP would allow it in every Aside page, the background included; so no
 * model-written code runs in Firefox.
 */
export const noSandboxInFirefox =
  'run_javascript is not available in this browser: Firefox gives extensions no isolated sandbox to run code in, ' +
  'so Aside runs no model-written code there. Do the calculation or data work yourself, step by step, in your answer.';

/**
 * The built-in tools this build cannot offer, with what a model that calls
 * one anyway is told. `firefox`: whether this is the Firefox build.
 */
export function unavailableTools(firefox: boolean = import.meta.env.FIREFOX): ReadonlyMap<string, string> {
  return new Map(firefox ? [['run_javascript', noSandboxInFirefox]] : []);
}
