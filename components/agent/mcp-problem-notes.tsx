import type { SerializedError } from '../../lib/messaging/errors';
import { useT } from '../hooks/use-t';
import { ErrorMessage } from '../ui/error-message';

/**
 * The MCP servers a run (agent or team) goes without, each with its error:
 * read from the stored run, so the note is still there when the panel is
 * reopened.
 */
export function McpProblemNotes({
  problems,
}: {
  problems: readonly { readonly server: string; readonly error: SerializedError }[] | undefined;
}) {
  const t = useT();
  return (
    <>
      {problems?.map((problem) => (
        <ErrorMessage key={problem.server} error={problem.error}>
          <div className="muted" data-testid="mcp-problem">
            {t('agent.mcpProblem', { server: problem.server })}
          </div>
        </ErrorMessage>
      ))}
    </>
  );
}
