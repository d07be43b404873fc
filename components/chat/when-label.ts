/**
 * When a chat was last used, as the history list shows it: the time for
 * today, the day and month for this year, the full date before, in the UI's
 * locale.
 */
export function whenLabel(at: number, locale: string, now: Date = new Date()): string {
  const date = new Date(at);
  const sameDay =
    date.getFullYear() === now.getFullYear() && date.getMonth() === now.getMonth() && date.getDate() === now.getDate();
  if (sameDay) return date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  if (date.getFullYear() === now.getFullYear())
    return date.toLocaleDateString(locale, { month: 'short', day: 'numeric' });
  return date.toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' });
}
