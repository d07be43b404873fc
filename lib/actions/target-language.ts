import { guessLanguage } from '../capture/language';

/**
 * The language Translate aims for when the user has not chosen one: Chinese
 * text goes to English, anything else to Chinese (Aside's two UI languages).
 */
export function defaultTargetLanguage(text: string): string {
  return guessLanguage(text) === 'zh' ? 'English' : 'Simplified Chinese';
}
