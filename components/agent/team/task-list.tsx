import { type ReactNode, useEffect, useState } from 'react';
import type { TeamTask } from '../../../lib/agent/teams/team-run-state';
import type { LinkPolicy } from '../../chat/link-policy';
import { Markdown } from '../../chat/markdown';
import { useT } from '../../hooks/use-t';
import {
  addTask,
  editApplies,
  editTask,
  moveTask,
  pendingDrafts,
  removeTask,
  type TaskDraft,
  type TaskEdit,
} from './task-edits';

/**
 * The task-list pattern's live list: done tasks with their result folded,
 * pending ones editable while the team runs (edit, delete, reorder, add).
 * Every change sends the whole pending list; the engine applies it at its next turn.
 */
export function TaskList({
  tasks,
  running,
  links,
  onSetTasks,
}: {
  tasks: readonly TeamTask[];
  running: boolean;
  /** Which links in task results may be opened (the run's link check). */
  links: LinkPolicy;
  onSetTasks: (tasks: readonly TaskDraft[]) => void;
}) {
  const t = useT();
  const [edit, setEdit] = useState<TaskEdit | null>(null);
  const [adding, setAdding] = useState('');
  const done = tasks.filter((task) => task.status === 'done');
  const pending = editApplies(tasks, edit) ? edit.pending : pendingDrafts(tasks);
  const change = (next: TaskDraft[]) => {
    setEdit({ base: tasks, pending: next });
    onSetTasks(next);
  };
  return (
    <section className="team-tasks" data-testid="team-tasks">
      <h3 className="muted">{t('teamRun.tasks.title')}</h3>
      {tasks.length === 0 && pending.length === 0 ? <p className="muted">{t('teamRun.tasks.empty')}</p> : null}
      <ol>
        {done.map((task) => (
          <li
            key={task.id}
            className="team-task done"
            data-testid="team-task"
            data-status="done"
            data-task-id={task.id}
          >
            <span className="team-task-check">✓</span> <span className="team-task-text">{task.text}</span>
            {task.result ? (
              <details className="team-task-result">
                <summary className="muted">{t('teamRun.tasks.result')}</summary>
                <Markdown text={task.result} links={links} />
              </details>
            ) : null}
          </li>
        ))}
        {pending.map((task, index) => (
          <PendingTask
            // New tasks have no id until the engine takes them; their text and place identify them meanwhile.
            key={task.id ?? `new-${index}-${task.text}`}
            task={task}
            editable={running}
            first={index === 0}
            last={index === pending.length - 1}
            onText={(text) => change(editTask(pending, index, text))}
            onMove={(by) => change(moveTask(pending, index, by))}
            onDelete={() => change(removeTask(pending, index))}
          />
        ))}
      </ol>
      {running ? (
        <form
          className="row team-task-add"
          onSubmit={(event) => {
            event.preventDefault();
            if (!adding.trim()) return;
            change(addTask(pending, adding));
            setAdding('');
          }}
        >
          <input
            data-testid="team-task-new"
            aria-label={t('teamRun.tasks.add')}
            placeholder={t('teamRun.tasks.add')}
            value={adding}
            onChange={(event) => setAdding(event.target.value)}
          />
          <button type="submit" data-testid="team-task-add" disabled={!adding.trim()}>
            +
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** A pending task: its text edits inline and is sent on Enter or when the field loses focus. */
function PendingTask({
  task,
  editable,
  first,
  last,
  onText,
  onMove,
  onDelete,
}: {
  task: TaskDraft;
  editable: boolean;
  first: boolean;
  last: boolean;
  onText: (text: string) => void;
  onMove: (by: -1 | 1) => void;
  onDelete: () => void;
}) {
  const t = useT();
  const [text, setText] = useState(task.text);
  // The engine may reword a task (or another edit lands); the field follows unless the user is typing.
  useEffect(() => setText(task.text), [task.text]);
  const commit = () => {
    if (text.trim() !== task.text) onText(text);
  };
  return (
    <li className="team-task pending" data-testid="team-task" data-status="pending" data-task-id={task.id}>
      {editable ? (
        <div className="row">
          <input
            className="team-task-input"
            data-testid="team-task-text"
            aria-label={t('teamRun.tasks.edit')}
            value={text}
            onChange={(event) => setText(event.target.value)}
            onBlur={commit}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.nativeEvent.isComposing) commit();
            }}
          />
          <IconButton label={t('teamRun.tasks.moveUp')} disabled={first} onClick={() => onMove(-1)}>
            ↑
          </IconButton>
          <IconButton label={t('teamRun.tasks.moveDown')} disabled={last} onClick={() => onMove(1)}>
            ↓
          </IconButton>
          <IconButton label={t('teamRun.tasks.delete')} onClick={onDelete}>
            ✕
          </IconButton>
        </div>
      ) : (
        <span className="team-task-text">{task.text}</span>
      )}
    </li>
  );
}

/** A small symbol button, named for screen readers and on hover. */
function IconButton({
  label,
  onClick,
  disabled,
  children,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <button type="button" className="ghost" title={label} aria-label={label} disabled={disabled} onClick={onClick}>
      {children}
    </button>
  );
}
