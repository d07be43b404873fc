import type { FileInPrompt } from '../../lib/files/files-budget';
import { useT } from '../hooks/use-t';
import { Icon } from '../ui/icon';
import { fileFacts } from './file-facts';

/** The files a question carried into the chat, as sent: name, pages, tokens, cut. */
export function MessageFiles({ files }: { files: readonly FileInPrompt[] | undefined }) {
  const t = useT();
  if (!files || files.length === 0) return null;
  return (
    <ul className="message-files muted" data-testid="message-files" aria-label={t('files.inContext')}>
      {files.map((file) => (
        <li key={file.name}>
          <Icon name="document" /> {file.name} · {fileFacts(file, t)}
        </li>
      ))}
    </ul>
  );
}
