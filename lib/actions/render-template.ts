import { cutToTokenBudget } from '../capture/token-budget';
import { type UntrustedNonce, wrapUntrusted } from '../prompt/untrusted';

/** The variables a template may use. Page-derived ones are untrusted. */
export interface TemplateValues {
  readonly selection?: string;
  readonly 'page.title'?: string;
  readonly 'page.url'?: string;
  /** Page text, already captured; cut here to `pageTokenBudget`. */
  readonly 'page.text'?: string;
  readonly language?: string;
  /** Text the user typed for this run. */
  readonly input?: string;
}
export type TemplateVariable = keyof TemplateValues;

export const templateVariables: readonly TemplateVariable[] = [
  'selection',
  'page.title',
  'page.url',
  'page.text',
  'language',
  'input',
];
const untrustedVariables = new Set<TemplateVariable>(['selection', 'page.title', 'page.url', 'page.text']);

export interface RenderOptions {
  readonly pageTokenBudget: number;
  /** A selection longer than this is cut, visibly, like page text. */
  readonly selectionTokenBudget: number;
  /** The request's untrusted-content nonce, the one its system prompt names. */
  readonly nonce: UntrustedNonce;
}

export interface RenderedTemplate {
  readonly text: string;
  /** Known variables the template used but no value was given for (rendered empty). */
  readonly missing: TemplateVariable[];
  /** `{{names}}` that are not variables; left in the text as written. */
  readonly unknown: string[];
  /** Whether untrusted page content went into the text (the system prompt then carries the rule). */
  readonly hasUntrusted: boolean;
}

const placeholder = /\{\{\s*([\w.]+)\s*\}\}/g;

/** The variables a template refers to, in order of first use. */
export function variablesIn(template: string): string[] {
  return [...new Set([...template.matchAll(placeholder)].map((match) => match[1] ?? ''))];
}

/**
 * Fills a template in a single pass over the template itself: a value that
 * contains `{{...}}` (a selection can) is inserted as is and never expanded.
 * Page-derived values are wrapped as untrusted data.
 */
export function renderTemplate(template: string, values: TemplateValues, options: RenderOptions): RenderedTemplate {
  const missing = new Set<TemplateVariable>();
  const unknown = new Set<string>();
  let hasUntrusted = false;
  const text = template.replace(placeholder, (match, name: string) => {
    if (!(templateVariables as readonly string[]).includes(name)) {
      unknown.add(name);
      return match;
    }
    const variable = name as TemplateVariable;
    const raw = values[variable];
    if (raw === undefined || raw === '') {
      missing.add(variable);
      return '';
    }
    if (!untrustedVariables.has(variable)) return raw;
    hasUntrusted = true;
    return wrapUntrusted(budgeted(variable, raw, options), sourceOf(variable, values), options.nonce);
  });
  return { text, missing: [...missing], unknown: [...unknown], hasUntrusted };
}

function budgeted(variable: TemplateVariable, value: string, options: RenderOptions): string {
  if (variable === 'page.text') return cutToTokenBudget(value, options.pageTokenBudget).text;
  if (variable === 'selection') return cutToTokenBudget(value, options.selectionTokenBudget).text;
  return value;
}

function sourceOf(variable: TemplateVariable, values: TemplateValues) {
  if (variable === 'selection') return { kind: 'selected text', ...pageSource(values) };
  if (variable === 'page.text') return { kind: 'web page', ...pageSource(values) };
  return { kind: variable === 'page.url' ? 'page URL' : 'page title' };
}

function pageSource(values: TemplateValues) {
  return {
    ...(values['page.title'] ? { title: values['page.title'] } : {}),
    ...(values['page.url'] ? { url: values['page.url'] } : {}),
  };
}
