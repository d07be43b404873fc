import { formatOf } from '../../lib/files/file-format';

/**
 * The dropped files that are Aside's to read as documents: everything but
 * images (the composer's image support takes those), so an unsupported
 * document still gets its message rather than silence.
 */
export function droppedFiles(files: FileList | null): File[] {
  return [...(files ?? [])].filter((file) => !file.type.startsWith('image/') || formatOf(file) !== null);
}
