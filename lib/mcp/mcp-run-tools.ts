import { updateRun } from '../agent/run-store';
import type { AgentTool } from '../agent/tool';
import { db } from '../db/database';
import type { AsideError } from '../messaging/errors';
import { mcpServersItem } from '../settings/secure-settings';
import { mcpAgentTool } from './mcp-agent-tool';
import { connectMcp, type McpConnection } from './mcp-connect';
import { mcpError } from './mcp-errors';
import { listTools } from './mcp-list';
import { type McpServer, policyOf } from './mcp-server-config';
import { mcpTarget } from './mcp-servers';
import { recordFailure, recordListing } from './record-status';

/** The MCP tools one run may call, the problems met getting them, and how to let the servers go. */
export interface McpRunTools {
  readonly tools: readonly AgentTool[];
  /** One per server that could not be reached or listed; its tools are simply absent from the run. */
  readonly problems: readonly McpRunProblem[];
  close(): Promise<void>;
}

/** A server that could not give the run its tools, and why. */
export interface McpRunProblem {
  readonly server: string;
  readonly error: AsideError;
}

interface Opened {
  readonly connection: McpConnection | null;
  readonly tools: AgentTool[];
  readonly problem: McpRunProblem | null;
}

async function openServer(server: McpServer, signal: AbortSignal): Promise<Opened> {
  let connection: McpConnection | null = null;
  try {
    connection = await connectMcp(await mcpTarget(server), signal);
    const listed = await listTools(connection, server.slug, signal);
    await recordListing(server.id, connection.transport, listed);
    const tools: AgentTool[] = [];
    for (const tool of listed) {
      const policy = policyOf(server, tool.name);
      // A tool whose schema is invalid is left out (its reason is in the server's status); Off hides it.
      if (policy !== 'off' && tool.check.ok)
        tools.push(mcpAgentTool(server, { ...tool, check: tool.check }, policy, connection));
    }
    return { connection, tools, problem: null };
  } catch (thrown) {
    await connection?.close();
    const error = mcpError(thrown, server.name, signal);
    if (error.code === 'cancelled') throw error;
    await recordFailure(server.id, error);
    return { connection: null, tools: [], problem: { server: server.name, error } };
  }
}

/**
 * Keeps with the run which servers it went without, so the note is there
 * when the panel is reopened (written on every start: a resumed run whose
 * server came back loses its note). Background only.
 */
export async function keepMcpProblems(runId: string, problems: readonly McpRunProblem[]): Promise<void> {
  const mcpProblems = problems.map((problem) => ({ server: problem.server, error: problem.error.toJSON() }));
  const run = await db().runs.get(runId);
  if (!run || (mcpProblems.length === 0 && !run.mcpProblems)) return;
  await updateRun(runId, { mcpProblems });
}

/**
 * Connects to every enabled server at the start of a run (all at once, each
 * within its own time limit) and turns their tools into agent tools. A server
 * that is down, slow or broken costs the run only its own tools: the failure
 * is recorded as the server's status and returned, and the run goes on.
 */
export async function openMcpTools(signal: AbortSignal): Promise<McpRunTools> {
  const servers = (await mcpServersItem.getValue()).filter((server) => server.enabled);
  const settled = await Promise.allSettled(servers.map((server) => openServer(server, signal)));
  const opened = settled.flatMap((each) => (each.status === 'fulfilled' ? [each.value] : []));
  const stopped = settled.find((each) => each.status === 'rejected');
  if (stopped) {
    // Cancelled while connecting: the servers that did answer are let go before the run ends.
    await Promise.all(opened.map((each) => each.connection?.close()));
    throw stopped.reason;
  }
  return {
    tools: opened.flatMap((each) => each.tools),
    problems: opened.flatMap((each) => (each.problem ? [each.problem] : [])),
    close: async () => {
      await Promise.all(opened.map((each) => each.connection?.close()));
    },
  };
}
