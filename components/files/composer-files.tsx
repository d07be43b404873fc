import { FileList } from './file-list';
import type { useLocalFiles } from './use-local-files';
import { usePanelDrop } from './use-panel-drop';

/**
 * The composer's files: those attached to the next question, each with its
 * status, above the question box (the 📎 button sits in the composer's tools;
 * files dropped anywhere on the panel count too).
 * They go with the next question and stay in this chat only; "Save to
 * library" keeps one for later.
 */
export function ComposerFiles({ files }: { files: ReturnType<typeof useLocalFiles> }) {
  usePanelDrop(files.add);
  return (
    <div className="composer-files">
      <FileList items={files.items} onRemove={files.remove} canSave testId="attached-files" />
    </div>
  );
}
