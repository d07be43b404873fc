import { AttachButton } from './attach-button';
import { FileList } from './file-list';
import type { useLocalFiles } from './use-local-files';
import { usePanelDrop } from './use-panel-drop';

/**
 * The composer's files: an Attach button above the question box (or files
 * dropped anywhere on the panel), and the files attached to the next
 * question, each with its status.
 * They go with the next question and stay in this chat only; "Save to
 * library" keeps one for later.
 */
export function ComposerFiles({ files }: { files: ReturnType<typeof useLocalFiles> }) {
  usePanelDrop(files.add);
  return (
    <div className="composer-files">
      <FileList items={files.items} onRemove={files.remove} canSave testId="attached-files" />
      <AttachButton onFiles={files.add} testId="attach-input" />
    </div>
  );
}
