import { PROJECT_NAME_MAX } from '../db/projects';

/** The German default name of a conflict copy: "<name> (Konflikt 2024-03-01 14:05)". */
export function defaultConflictName(name: string, at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())} ${p(at.getHours())}:${p(at.getMinutes())}`;
  return `${name} (Konflikt ${stamp})`;
}

/**
 * The name of the conflict copy of a project called `name`, made by `conflictName`: when it would
 * be longer than a project name may be, the original name is shortened (with "…") to fit.
 */
export function conflictCopyName(
  conflictName: (name: string, at: Date) => string,
  name: string,
  at: Date,
): string {
  let copyName = conflictName(name, at);
  if (copyName.length > PROJECT_NAME_MAX) {
    const over = copyName.length - PROJECT_NAME_MAX;
    copyName = conflictName(name.slice(0, Math.max(1, name.length - over - 1)) + '…', at);
  }
  return copyName;
}
