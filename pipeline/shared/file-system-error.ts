import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from './user-error.js';

/** A file-system failure, named with its path and what to do; the CLI prints its message without a stack. */
export class FileSystemError extends UserError {
  override name = 'FileSystemError';
  /** The errno code (ENOSPC, EACCES, ...) of the failure, when it had one. */
  readonly code: string | undefined;

  constructor(message: string, code: string | undefined, cause: unknown) {
    super('file-system', message, { cause });
    this.code = code;
  }
}

const WRITE_ELSEWHERE = 'or write somewhere else (--out, --checkpoint-dir), then run again';

/** What each errno code means for the user, and what to do about it. */
const MEANINGS: Record<string, (path: string, failed: string | undefined) => string> = {
  ENOSPC: (path) => `the disk is full. Free some space on the disk that holds ${path}, ${WRITE_ELSEWHERE}.`,
  EDQUOT: (path) => `your disk quota is used up. Free some space on the disk that holds ${path}, ${WRITE_ELSEWHERE}.`,
  EACCES: (path) => `permission denied. Make ${path} writable for this user, ${WRITE_ELSEWHERE}.`,
  EPERM: (path) => `the operation is not permitted. Make ${path} writable for this user, ${WRITE_ELSEWHERE}.`,
  EROFS: () => `the file system is read-only. Choose a writable folder (--out, --checkpoint-dir), then run again.`,
  ENOTDIR: () => `a part of the path is a file, not a folder. Move that file away or choose another folder (--out, --checkpoint-dir), then run again.`,
  EEXIST: (path) => `something is already there. Move ${path} away, then run again.`,
  ENOENT: (path, failed) =>
    failed !== undefined && isFolder(dirname(failed))
      ? `${dirname(failed)} does not let files or folders be created in it: it is not a folder on a disk (as nothing under /proc or /sys is). Choose a folder on a disk (--out, --checkpoint-dir), then run again.`
      : `a part of the path does not exist (it may have been deleted while the pipeline ran). Check ${path}, then run again.`,
  EMFILE: () => `too many files are open. Close other programs or raise the limit (ulimit -n), then run again.`,
  EIO: (path) => `the disk reported an input/output error. Check the disk that holds ${path}, ${WRITE_ELSEWHERE}.`,
};

/**
 * "Could not <action> <path>: <what it means>. <what to do>. (<original message>)": a bare
 * "ENOSPC: no space left on device, write" named neither the file nor the fix.
 * Errors that are not file-system errors pass through unchanged.
 */
export function fileSystemError(error: unknown, action: string, path: string): Error {
  if (error instanceof FileSystemError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string' || !(error instanceof Error)) return error instanceof Error ? error : new Error(String(error));
  const meaning = MEANINGS[code]?.(path, (error as NodeJS.ErrnoException).path) ?? `the system said ${code}. Check ${path} and the disk that holds it, then run again.`;
  return new FileSystemError(`Could not ${action} ${path}: ${meaning} (${error.message})`, code, error);
}

/** Whether `path` is an existing folder: an ENOENT for a new entry in one means the file system refused it (/proc), not that it vanished. */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
