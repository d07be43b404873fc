import type { Team, TeamAgent } from './team';

const libraryTools = ['search_library', 'read_saved_page'];
const pageTools = ['get_current_page', 'list_tabs', 'read_tab'];

function agent(fields: Omit<TeamAgent, 'tools'> & { tools?: string[] }): TeamAgent {
  return { tools: [], ...fields };
}

/** Group chat over the saved library: plan, research with citations, write, critique. */
const researchLibrary: Team = {
  id: 'preset-research-library',
  name: 'Research my library',
  description:
    'A lead picks who speaks: a planner splits the question, a researcher searches your saved pages, a writer answers with citations, and a critic checks it against the sources.',
  pattern: 'group-chat',
  agents: [
    agent({
      id: 'lead',
      name: 'Lead',
      duty: 'manager',
      instructions: 'Keep the team on the objective and finish as soon as the answer is good enough.',
    }),
    agent({
      id: 'planner',
      name: 'Planner',
      duty: 'member',
      instructions:
        'Split the objective into the few questions the library must answer. Ask the user with ask_user only when the objective is ambiguous.',
      tools: ['ask_user'],
    }),
    agent({
      id: 'researcher',
      name: 'Researcher',
      duty: 'member',
      instructions:
        "Search the user's saved pages for each question and report what they say, quoting briefly and naming each page's title and URL. Say plainly what the library does not cover.",
      tools: libraryTools,
    }),
    agent({
      id: 'writer',
      name: 'Writer',
      duty: 'member',
      instructions:
        'Write the answer to the objective from the research only, in Markdown, citing pages by title and URL.',
    }),
    agent({
      id: 'critic',
      name: 'Critic',
      duty: 'critic',
      instructions: 'Check the latest draft against the research: unsupported claims, missing citations, gaps.',
      tools: libraryTools,
    }),
  ],
  limits: { rounds: 10, stepsPerTurn: 6, maxTokens: 200_000 },
};

/** Three debaters answer independently, revise after reading each other, and a judge decides. */
const debateAnswer: Team = {
  id: 'preset-debate',
  name: 'Debate an answer',
  description:
    'Three agents answer on their own, read each other’s answers and revise for two rounds; a judge writes the final answer and notes where they disagreed.',
  pattern: 'debate',
  agents: [
    agent({
      id: 'debater-1',
      name: 'Debater A',
      duty: 'debater',
      instructions: 'Answer carefully; check facts with the tools when you can.',
      tools: [...libraryTools, 'get_current_page'],
    }),
    agent({
      id: 'debater-2',
      name: 'Debater B',
      duty: 'debater',
      instructions: 'Answer carefully and look for what the obvious answer misses.',
      tools: [...libraryTools, 'get_current_page'],
    }),
    agent({
      id: 'debater-3',
      name: 'Debater C',
      duty: 'debater',
      instructions: 'Answer carefully and be explicit about uncertainty.',
      tools: [...libraryTools, 'get_current_page'],
    }),
    agent({ id: 'judge', name: 'Judge', duty: 'judge', instructions: 'Weigh the arguments, not the majority.' }),
  ],
  limits: { rounds: 2, stepsPerTurn: 4, maxTokens: 150_000 },
};

/** CAMEL-style: a client instructs, an assistant proposes, until the client is satisfied. */
const brainstorm: Team = {
  id: 'preset-brainstorm',
  name: 'Brainstorm by role-play',
  description:
    'A demanding client gives one instruction at a time and an idea generator answers it, until the client declares the task done.',
  pattern: 'role-play',
  agents: [
    agent({
      id: 'client',
      name: 'Client',
      duty: 'instructor',
      instructions: 'You want many concrete, varied ideas. Push for better ones; ask for specifics.',
    }),
    agent({
      id: 'ideas',
      name: 'Idea generator',
      duty: 'assistant',
      instructions: 'Propose concrete, varied ideas; use the page or library when it helps.',
      tools: [...libraryTools, 'get_current_page'],
    }),
  ],
  limits: { rounds: 6, stepsPerTurn: 3, maxTokens: 100_000 },
};

/** BabyAGI-style: tasks are created, prioritized and executed one by one. */
const planTask: Team = {
  id: 'preset-plan-task',
  name: 'Plan a task',
  description:
    'A planner breaks the objective into tasks, a prioritizer orders them, and an executor does them one at a time with the tools. You can edit the task list while it runs.',
  pattern: 'task-list',
  agents: [
    agent({
      id: 'creator',
      name: 'Task creator',
      duty: 'creator',
      instructions: 'Create small, concrete tasks that move toward the objective; no duplicates of done tasks.',
    }),
    agent({
      id: 'prioritizer',
      name: 'Prioritizer',
      duty: 'prioritizer',
      instructions: 'Put first what unblocks the most.',
    }),
    agent({
      id: 'executor',
      name: 'Executor',
      duty: 'executor',
      instructions: 'Do the task with the tools and report the result concisely.',
      tools: [...libraryTools, ...pageTools, 'get_datetime', 'ask_user'],
    }),
  ],
  limits: { rounds: 5, stepsPerTurn: 6, maxTokens: 150_000 },
};

/** The teams every user has, runnable at once; users duplicate one to change it. */
export const presetTeams: readonly Team[] = [researchLibrary, debateAnswer, brainstorm, planTask];

export const isPresetTeam = (id: string): boolean => presetTeams.some((team) => team.id === id);
