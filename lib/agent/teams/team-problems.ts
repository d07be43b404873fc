import type { z } from 'zod';
import type { MessageKey } from '../../i18n/en';
import type { Translate } from '../../i18n/translate';
import { type Team, type TeamDuty, type TeamPattern, teamLimitsSchema, teamPatterns, teamSchema } from './team';
import { dutyLabel, patternLabel } from './team-labels';

const fieldKeys: Record<string, MessageKey> = {
  name: 'teams.name',
  description: 'teams.description',
  rounds: 'teams.rounds',
  stepsPerTurn: 'teams.stepsPerTurn',
  maxTokens: 'teams.maxTokens',
  instructions: 'teams.member.instructions',
  model: 'teams.member.model',
  tools: 'teams.member.tools',
  duty: 'teams.member.duty',
  profileId: 'teams.member.profile',
};
const memberFieldKeys: Record<string, MessageKey> = { ...fieldKeys, name: 'teams.member.name' };

const isPattern = (text: string | undefined): text is TeamPattern => teamPatterns.some((p) => p === text);

/** The team-wide rules checked in teamSchema's superRefine, whose messages are English: matched to say them in the UI language. */
function customProblem(message: string, t: Translate): string {
  const count = /^a (\S+) team needs (\S+) (\w+)\(s\), not (\d+)$/.exec(message);
  if (count && isPattern(count[1])) {
    return t('teams.error.dutyCount', {
      pattern: patternLabel(count[1], t).toLocaleLowerCase(),
      wanted: count[2] ?? '',
      duty: dutyLabel(count[3] as TeamDuty, t).toLocaleLowerCase(),
      count: count[4] ?? '',
    });
  }
  const wrong = /^a (\S+) team has no "(\w+)" duty$/.exec(message);
  if (wrong && isPattern(wrong[1])) {
    return t('teams.error.wrongDuty', { pattern: patternLabel(wrong[1], t).toLocaleLowerCase(), duty: wrong[2] ?? '' });
  }
  if (message === 'agent ids must be unique') return t('teams.error.duplicateIds');
  return message;
}

/** One field's problem, in words: empty, too long, out of range. */
function fieldProblem(issue: z.core.$ZodIssue, field: string, keys: Record<string, MessageKey>, t: Translate): string {
  const key = keys[field];
  const label = key ? t(key) : field;
  if (field in teamLimitsSchema.shape) {
    const schema = teamLimitsSchema.shape[field as keyof typeof teamLimitsSchema.shape];
    return t('teams.error.limit', { field: label, min: schema.minValue ?? '', max: schema.maxValue ?? '' });
  }
  if (issue.code === 'too_small' && issue.origin === 'string') return t('teams.error.empty', { field: label });
  if (issue.code === 'too_big' && issue.origin === 'string') {
    return t('teams.error.tooLong', { field: label, max: Number(issue.maximum) });
  }
  return t('teams.error.other', { field: label, message: issue.message });
}

/**
 * Why a team does not pass `teamSchema`, one plain sentence per problem in
 * the UI language ("A debate team needs 2–6 debater(s), not 1."); empty when it is valid.
 */
export function teamProblems(team: Team, t: Translate): string[] {
  const result = teamSchema.safeParse(team);
  if (result.success) return [];
  const problems = result.error.issues.map((issue) => {
    const [first, index, field] = issue.path;
    if (issue.path.length === 0) return customProblem(issue.message, t);
    if (first === 'agents' && typeof index === 'number') {
      const agent = team.agents[index];
      const problem = fieldProblem(issue, String(field), memberFieldKeys, t);
      return t('teams.error.inMember', { n: index + 1, name: agent?.name.trim() || '—', problem });
    }
    if (first === 'agents') return t('teams.error.memberCount', { min: 2, max: 8 });
    return fieldProblem(issue, String(first === 'limits' ? index : first), fieldKeys, t);
  });
  return [...new Set(problems)];
}
