import { z } from 'zod';
import { tool } from '../tool';

/** The current date and time with the user's time zone. */
export const getDatetime = tool({
  name: 'get_datetime',
  description: "Returns the current date, time and the user's time zone.",
  input: z.object({}),
  risk: 'read',
  async run() {
    const now = new Date();
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return `${now.toISOString()} (UTC). Local: ${now.toLocaleString('en-GB', { timeZone: zone })} ${zone}. Weekday: ${now.toLocaleDateString('en-US', { weekday: 'long', timeZone: zone })}.`;
  },
});
